import { BadRequest, jsonError } from '@/lib/http/json'
import { readBoardAtStep } from '@/lib/replay/boardAtStep'
import { replayRoute } from '@/lib/replay/replayAccess'
import { parseStepId } from '@/lib/replay/stepId'

export const dynamic = 'force-dynamic'

/** The board's records as they were at one step of its timeline. */
export const GET = replayRoute<{ step: string }>(async ({ db, boardId, params }) => {
  const ref = parseStepId(params.step)
  if (!ref) throw new BadRequest('malformed step id')
  const records = await readBoardAtStep(db, boardId, ref)
  if (records === 'gone') return jsonError(410, 'this moment is no longer stored on its own: read the timeline again')
  return Response.json({ step: params.step, records })
})
