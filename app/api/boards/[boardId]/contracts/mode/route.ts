import { isCompatibilityMode } from '@/lib/contracts/contractExports'
import { writeCompatibilityMode } from '@/lib/db/contractExports'
import { recordAudit } from '@/lib/db/auditLog'
import { boardRoute } from '@/lib/http/boardRoute'
import { BadRequest, readJsonBody } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** The facilitator chooses how contract changes are judged: `{"mode": "FULL"}`. */
export const PUT = boardRoute('facilitate', async ({ db, boardId, actor, request }) => {
  const body = await readJsonBody(request, 1024)
  const mode = (body as { mode?: unknown } | null)?.mode
  if (!isCompatibilityMode(mode)) throw new BadRequest('mode must be one of BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE')
  await writeCompatibilityMode(db, boardId, mode)
  await recordAudit(db, { boardId, action: 'contracts.mode', role: actor.rights.role, connectionId: actor.id, detail: { mode } })
  return Response.json({ mode })
})
