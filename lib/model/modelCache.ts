import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { deepFreeze } from '../deepFreeze.ts'
import { docToRecords } from '../ydoc/convert.ts'
import { type BoardModel, buildBoardModel } from './boardModel.ts'

/** Boards whose last model is kept, with the contracts and export texts made of it (tens of MB for a board of a thousand events). */
const capacity = 8

interface Entry {
  /** What names the content the model was built from (see the keys below). */
  content: string
  model: BoardModel
}

// Route handlers are bundled apart by Next; one cache for all of them, as liveBoards is shared.
const key = Symbol.for('eventstorm.modelCache')
type Holder = { [key]?: Map<string, Entry> }
const entries = ((globalThis as Holder)[key] ??= new Map())

/**
 * A board's model, built once per content: reading it again while nothing
 * changed (an export dialog previewing every format, a script polling the
 * model or the contracts) costs the key, not a new model. The model is
 * frozen: every reader shares it.
 */
export function sharedModel(boardId: string, content: string, build: () => BoardModel): BoardModel {
  const known = entries.get(boardId)
  entries.delete(boardId)
  const entry = known?.content === content ? known : { content, model: deepFreeze(build()) }
  entries.set(boardId, entry)
  // Least recently read first.
  if (entries.size > capacity) entries.delete(entries.keys().next().value!)
  return entry.model
}

/** A live document's content: a Yjs document's is fixed by its state vector and delete set, so a deletion changes it too. */
export function liveContentKey(doc: Y.Doc): string {
  return `live ${Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')}`
}

/** A stored board's content: a digest of its stored updates, so reading it again decodes nothing. */
export function storedContentKey(updates: readonly Uint8Array[]): string {
  const digest = createHash('sha256')
  for (const update of updates) digest.update(String(update.byteLength)).update(':').update(update)
  return `stored ${digest.digest('base64')}`
}

/** The model of a board's document, as readers of the board see it. */
export function modelOfDoc(doc: Y.Doc): BoardModel {
  return buildBoardModel(docToRecords(doc))
}
