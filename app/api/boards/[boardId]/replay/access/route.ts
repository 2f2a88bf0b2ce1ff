import { recordAudit } from '@/lib/db/auditLog'
import { readReplayOpen, writeReplayOpen } from '@/lib/db/replayAccess'
import { boardRoute } from '@/lib/http/boardRoute'
import { BadRequest, jsonError, readJsonBody } from '@/lib/http/json'
import { mayReplay } from '@/lib/replay/replayAccess'

export const dynamic = 'force-dynamic'

/** Whether everyone may replay the board, and whether the caller may. */
export const GET = boardRoute('read', async ({ db, boardId, role }) => {
  const everyone = await readReplayOpen(db, boardId)
  if (everyone === null) return jsonError(404, 'board not found')
  return Response.json({ everyone, allowed: mayReplay(role, everyone) })
})

/** A facilitator opens the replay to everyone with a link, or closes it again: `{"everyone": true}`. */
export const PUT = boardRoute('facilitate', async ({ db, boardId, actor, request }) => {
  const everyone = ((await readJsonBody(request, 1024)) as { everyone?: unknown } | null)?.everyone
  if (typeof everyone !== 'boolean') throw new BadRequest('everyone must be true or false')
  await writeReplayOpen(db, boardId, everyone)
  await recordAudit(db, { boardId, action: 'replay.access', role: actor.rights.role, connectionId: actor.id, detail: { everyone } })
  return Response.json({ everyone, allowed: true })
})
