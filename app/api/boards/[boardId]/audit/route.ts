import { listAudit } from '@/lib/db/auditLog'
import { boardRoute } from '@/lib/http/boardRoute'

export const dynamic = 'force-dynamic'

/** Who connected with which role, and every facilitator action, newest first. */
export const GET = boardRoute('facilitate', async ({ db, boardId }) => Response.json({ events: await listAudit(db, boardId) }))
