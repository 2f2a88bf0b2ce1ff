import { jsonError } from '@/lib/http/json'
import { replayRoute } from '@/lib/replay/replayAccess'
import { readTimeline } from '@/lib/replay/timeline'

export const dynamic = 'force-dynamic'

/** The workshop's timeline: its steps, oldest first, as finely as the stored history allows. */
export const GET = replayRoute(async ({ db, boardId }) => {
  const timeline = await readTimeline(db, boardId)
  return timeline ? Response.json(timeline) : jsonError(404, 'board not found')
})
