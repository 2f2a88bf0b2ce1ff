import * as Y from 'yjs'
import { type VersionReason, latestVersionAt, saveVersion } from '../../lib/db/boardVersions.ts'
import type { Database } from '../../lib/db/client.ts'
import type { Logger } from '../../lib/logger.ts'
import { readRecords, recordArray } from '../../lib/ydoc/layout.ts'
import type { DecodedUpdate } from '../../lib/ydoc/decodedUpdate.ts'
import { deletedRecords } from '../../lib/ydoc/updateCheck.ts'
import type { ConnectionInfo, Hooks } from '../realtime/hooks.ts'

export interface HistoryOptions {
  /** While a board is being edited, a version is kept at least this often. */
  versionIntervalMs: number
}

/** A board with only its document and page records is empty: nothing worth going back to. */
const emptyBoardRecords = 2

/**
 * Keeps versions of every board a facilitator can go back to: the state as it
 * was before the first change after `versionIntervalMs` of editing, and
 * before any change that deletes much of the board at once. Versions are
 * taken from the document before the change is applied, and written in the
 * background; unloading a board waits for them.
 */
export class BoardHistory implements Hooks {
  private readonly lastVersionAt = new Map<string, number>()
  private readonly writing = new Map<string, Promise<void>>()

  constructor(
    private readonly db: Database,
    private readonly options: HistoryOptions,
    private readonly log: Logger,
  ) {}

  async onLoadDocument({ boardId }: { boardId: string }): Promise<void> {
    this.lastVersionAt.set(boardId, (await latestVersionAt(this.db, boardId))?.getTime() ?? 0)
  }

  beforeApplyUpdate({ boardId, doc, decoded, connection }: { boardId: string; doc: Y.Doc; decoded: DecodedUpdate; connection: ConnectionInfo }): void {
    const due = Date.now() - (this.lastVersionAt.get(boardId) ?? 0) >= this.options.versionIntervalMs
    if (due) return this.keep(boardId, doc, 'periodic', 'Autosave')
    // The integrity hook judged the update already and let it through; here it is only counted.
    const deleted = deletedRecords(doc, decoded)
    if (isMassDeletion(deleted, recordArray(doc).length)) {
      const who = `${connection.displayName ?? 'someone'} (${connection.rights.role})`
      this.keep(boardId, doc, 'before-deletion', `Before ${who} deleted ${deleted} items`)
    }
  }

  async onUnloadDocument({ boardId }: { boardId: string }): Promise<void> {
    await this.writing.get(boardId)
    this.lastVersionAt.delete(boardId)
  }

  private keep(boardId: string, doc: Y.Doc, reason: VersionReason, label: string): void {
    const records = readRecords(doc).length
    if (records <= emptyBoardRecords) return
    this.lastVersionAt.set(boardId, Date.now())
    const data = Y.encodeStateAsUpdate(doc)
    const previous = this.writing.get(boardId) ?? Promise.resolve()
    const written = previous
      .then(() => saveVersion(this.db, boardId, { reason, label, records, data }))
      .then(
        () => undefined,
        (error: unknown) => this.log.error(`board ${boardId}: keeping a version failed`, error),
      )
    this.writing.set(boardId, written)
  }
}

/** Deleting many items at once, or a good part of a small board, is what a facilitator may want undone. */
export function isMassDeletion(deleted: number, total: number): boolean {
  return deleted >= 20 || (deleted >= 3 && deleted * 4 >= total)
}
