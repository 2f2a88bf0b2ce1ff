import * as Y from 'yjs'
import { deepFreeze } from '../deepFreeze.ts'
import { docToRecords } from '../ydoc/convert.ts'
import { type BoardModel, buildBoardModel } from './boardModel.ts'

/** Boards whose last model is kept, with the contracts and export texts made of it (tens of MB for a board of a thousand events). */
const capacity = 8

interface Entry {
  /** The document's snapshot (state vector and delete set), which fixes its content. */
  state: Buffer
  model: BoardModel
}

// Route handlers are bundled apart by Next; one cache for all of them, as liveBoards is shared.
const key = Symbol.for('eventstorm.modelCache')
type Holder = { [key]?: Map<string, Entry> }
const entries = ((globalThis as Holder)[key] ??= new Map())

/**
 * The model of a board's document, built once per content: reading it again
 * while nothing changed (an export dialog previewing every format, a script
 * polling the model) costs a snapshot of the document, not a new model. A
 * Yjs document's content is fixed by its state vector and delete set, so an
 * edit, a deletion included, makes a new model. The model is frozen: every
 * reader shares it.
 */
export function modelOfDoc(boardId: string, doc: Y.Doc): BoardModel {
  const state = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc)))
  const known = entries.get(boardId)
  entries.delete(boardId)
  const entry = known?.state.equals(state) ? known : { state, model: deepFreeze(buildBoardModel(docToRecords(doc))) }
  entries.set(boardId, entry)
  // Least recently read first.
  if (entries.size > capacity) entries.delete(entries.keys().next().value!)
  return entry.model
}
