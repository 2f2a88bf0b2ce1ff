import { type AuditEntry, recordAudit } from '../../lib/db/auditLog.ts'
import type { Database } from '../../lib/db/client.ts'
import type { Logger } from '../../lib/logger.ts'
import type { ConnectionInfo, Hooks } from '../realtime/hooks.ts'

/**
 * Records who connected to which board with which role, and when they left
 * (with the name they showed). Written in the background: the audit never
 * holds up a connection, and a failed write is logged.
 */
export class AuditTrail implements Hooks {
  private readonly pending = new Set<Promise<void>>()

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  onConnect({ boardId, connection, address }: { boardId: string; connection: ConnectionInfo; address: string | undefined }): void {
    this.record({ boardId, action: 'connected', role: connection.rights.role, connectionId: connection.id, address })
  }

  onDisconnect({ boardId, connection }: { boardId: string; connection: ConnectionInfo }): void {
    this.record({ boardId, action: 'disconnected', role: connection.rights.role, actorName: connection.displayName, connectionId: connection.id })
  }

  /** Resolves once every entry recorded so far is written (before the database closes). */
  async flush(): Promise<void> {
    await Promise.all(this.pending)
  }

  private record(entry: AuditEntry): void {
    const written = recordAudit(this.db, entry).catch((error: unknown) =>
      this.log.error(`board ${entry.boardId}: writing the audit log failed`, error),
    )
    this.pending.add(written)
    void written.finally(() => this.pending.delete(written))
  }
}
