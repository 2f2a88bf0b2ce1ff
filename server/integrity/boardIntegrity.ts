import type * as Y from 'yjs'
import { can, isRole } from '../../lib/auth/roles.ts'
import type { Logger } from '../../lib/logger.ts'
import type { DecodedUpdate } from '../../lib/ydoc/decodedUpdate.ts'
import { RefusedUpdate, type UpdateLimits, type UpdateWriter, checkUpdate } from '../../lib/ydoc/updateCheck.ts'
import { upgradeBoardSchema } from '../../lib/ydoc/schemaUpgrade.ts'
import { type ConnectionInfo, Forbidden, type Hooks } from '../realtime/hooks.ts'

/**
 * Keeps every board's document readable by every client: the server brings a
 * board to this app's schema when it loads it (clients never write the
 * schema), and judges each update before it is applied.
 */
export class BoardIntegrity implements Hooks {
  constructor(
    private readonly limits: UpdateLimits,
    private readonly log: Logger,
  ) {}

  /** Runs after the board was read from storage, so what it writes is saved like any change. */
  async onLoadDocument({ boardId, doc }: { boardId: string; doc: Y.Doc }): Promise<void> {
    // Stored before updates were checked, a board may hold structs Yjs could not integrate; they must never join unchecked.
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      this.log.warn(`board ${boardId}: dropped stored changes that could never be applied`)
      doc.store.pendingStructs = null
      doc.store.pendingDs = null
    }
    const outcome = upgradeBoardSchema(doc, this)
    if (outcome === 'newer') this.log.warn(`board ${boardId} was written by a newer version of the app; its clients are asked to reload`)
    else if (outcome !== 'current') this.log.info(`board ${boardId}: schema ${outcome}`)
  }

  /**
   * Refuses, before it is applied, any update that would leave something in
   * the document a reader cannot read, or that changes what a facilitator
   * locked without being a facilitator.
   */
  beforeApplyUpdate({ boardId, doc, decoded, connection }: { boardId: string; doc: Y.Doc; decoded: DecodedUpdate; connection: ConnectionInfo }): void {
    try {
      checkUpdate(doc, decoded, this.limits, writerOf(connection))
    } catch (error) {
      if (!(error instanceof RefusedUpdate)) throw error
      this.log.warn(`board ${boardId}: refused an update from connection ${connection.id} (${connection.rights.role}): ${error.message}`)
      throw new Forbidden(`update refused: ${error.message}`)
    }
  }
}

/** The role the connection's link gave it decides whether locks hold it back. */
function writerOf(connection: ConnectionInfo): UpdateWriter {
  const { role } = connection.rights
  return { bypassesLocks: isRole(role) && can(role, 'facilitate') }
}
