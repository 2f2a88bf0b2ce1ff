import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import type { Role } from '../auth/roles.ts'
import type { Database } from '../db/client.ts'
import { loadBoardState } from '../db/boardUpdates.ts'
import { docToRecords, readStoredState } from '../ydoc/convert.ts'

/** Who makes a change through HTTP, as the update log and the audit name them. */
export interface BoardActor {
  id: string
  rights: { role: Role; readOnly: boolean }
  displayName: string | undefined
}

/**
 * The boards this process holds open, as the realtime server offers them to
 * route handlers (bundled apart by Next, so shared through globalThis).
 */
export interface LiveBoards {
  /** The document of a board open now. Read it at once; never keep it or observe it. */
  doc(boardId: string): Y.Doc | undefined
  /** Changes a board (loading it if needed) in one transaction, saved and sent to everyone on it like any edit. */
  change(boardId: string, actor: BoardActor, work: (doc: Y.Doc) => void): Promise<void>
  /** Closes the board's open connections of a role, whose links were just revoked. */
  disconnect(boardId: string, role: Role): void
}

const key = Symbol.for('eventstorm.liveBoards')
type Holder = { [key]?: LiveBoards }

export function setLiveBoards(boards: LiveBoards | undefined): void {
  ;(globalThis as Holder)[key] = boards
}

export function liveBoards(): LiveBoards | undefined {
  return (globalThis as Holder)[key]
}

/**
 * A board's records for server-side work (model, export), migrated to our
 * schema: from the live document when this process has the board open, so
 * answers include edits not yet written, else from the stored state. Reading
 * leaves the live document as it was, with no observer added. Null when the
 * board does not exist.
 */
export function readBoardRecords(db: Database, boardId: string): Promise<TLRecord[] | null> {
  return readBoard(db, boardId, docToRecords)
}

/** Reads a board's document (live, else stored) as {@link readBoardRecords} does; null when the board does not exist. */
export async function readBoard<T>(db: Database, boardId: string, read: (doc: Y.Doc) => T): Promise<T | null> {
  const live = liveBoards()?.doc(boardId)
  if (live) return read(live)
  const state = await loadBoardState(db, boardId)
  return state && readStoredState(state.updates, read)
}
