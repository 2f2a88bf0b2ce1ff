import { linkKey } from '@/lib/auth/linkKey'
import { isRole } from '@/lib/auth/roles'
import { rotateLink } from '@/lib/auth/rotateLink'
import { recordAudit } from '@/lib/db/auditLog'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

/** Replaces a role's link: older links of that role stop working and their open connections close. */
export const POST = boardRoute<{ role: string }>('facilitate', async ({ db, boardId, actor, request, params }) => {
  if (!isRole(params.role)) return jsonError(400, 'the role must be facilitator, participant or viewer')
  const link = await rotateLink(db, linkKey(), requestOrigin(request), boardId, params.role)
  if (!link) return jsonError(404, 'board not found')
  await recordAudit(db, { boardId, action: 'link.rotated', role: actor.rights.role, connectionId: actor.id, detail: { linkRole: params.role } })
  return Response.json({ link })
})
