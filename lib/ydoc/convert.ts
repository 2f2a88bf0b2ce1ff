import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { metaMap, readRecords, readSchema, recordArray, schemaKey } from './layout.ts'

/** A Y.Doc holding the records and the schema they were written with, as the server stores a board. */
export function recordsToDoc(records: TLRecord[], doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    // One push, not a set per record: each set walks the whole array, quadratic on a large board.
    recordArray(doc).push(records.map((record) => ({ key: record.id, val: record })))
    metaMap(doc).set(schemaKey, createBoardSchema().serialize())
  })
  return doc
}

/**
 * Every record of a board's Y.Doc, migrated from the schema it was written
 * with to ours, as a browser joining the board would see them.
 */
export function docToRecords(doc: Y.Doc): TLRecord[] {
  const records = readRecords(doc)
  const writtenWith = readSchema(doc)
  if (!writtenWith) return records
  const migrated = createBoardSchema().migrateStoreSnapshot({ schema: writtenWith, store: Object.fromEntries(records.map((r) => [r.id, r])) })
  // A board written by a newer app cannot be migrated down; its records are read as they are,
  // and readers drop what fails our schema.
  return migrated.type === 'success' ? Object.values(migrated.value) : records
}

/** Reads a board's stored state (updates applied in order) from a Y.Doc that lives only for the reading. */
export function readStoredState<T>(updates: Iterable<Uint8Array>, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    for (const update of updates) Y.applyUpdate(doc, update)
    return read(doc)
  } finally {
    doc.destroy()
  }
}
