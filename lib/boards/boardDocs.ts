import * as Y from 'yjs'
import type { Database } from '../db/client.ts'
import { loadBoardState } from '../db/boardUpdates.ts'

/**
 * Reads a board's Y.Doc for server-side work (model, export): the live
 * document when this process has the board open, so answers include edits not
 * yet written, else the stored state. Null when the board does not exist.
 */
export type LiveDocs = (boardId: string) => Y.Doc | undefined

const key = Symbol.for('eventstorm.liveDocs')
type Holder = { [key]?: LiveDocs }

/** The realtime server registers how to find open boards; route handlers share it through globalThis. */
export function setLiveDocs(lookup: LiveDocs): void {
  ;(globalThis as Holder)[key] = lookup
}

export async function readBoardDoc(db: Database, boardId: string): Promise<Y.Doc | null> {
  const live = (globalThis as Holder)[key]?.(boardId)
  if (live) return live
  const state = await loadBoardState(db, boardId)
  if (!state) return null
  const doc = new Y.Doc()
  for (const update of state.updates) Y.applyUpdate(doc, update)
  return doc
}
