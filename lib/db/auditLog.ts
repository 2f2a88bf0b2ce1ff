import type { Prisma } from './generated/client.ts'
import type { Database } from './client.ts'

/** What the audit log records: who connected with which role, and every facilitator action. */
export type AuditAction =
  | 'board.created'
  | 'connected'
  | 'disconnected'
  | 'link.rotated'
  | 'version.saved'
  | 'version.restored'
  | 'update.refused'
  | 'contracts.mode'
  | 'contracts.published'
  | 'template.saved'
  | 'facilitation.phase'
  | 'facilitation.timer'
  | 'facilitation.lock'
  | 'facilitation.vote'
  | 'replay.access'

export interface AuditEntry {
  boardId: string
  action: AuditAction
  role?: string
  actorName?: string
  connectionId?: string
  address?: string
  detail?: Prisma.InputJsonObject
}

export interface AuditRecord extends Omit<AuditEntry, 'detail'> {
  id: string
  at: Date
  detail: unknown
}

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.prisma.auditEvent.create({ data: entry })
}

/** Newest first. */
export async function listAudit(db: Database, boardId: string, limit = 500): Promise<AuditRecord[]> {
  const rows = await db.prisma.auditEvent.findMany({ where: { boardId }, orderBy: { id: 'desc' }, take: limit })
  return rows.map(({ id, at, boardId: board, action, role, actorName, connectionId, address, detail }) => ({
    id: id.toString(),
    at,
    boardId: board,
    action: action as AuditAction,
    role: role ?? undefined,
    actorName: actorName ?? undefined,
    connectionId: connectionId ?? undefined,
    address: address ?? undefined,
    detail,
  }))
}
