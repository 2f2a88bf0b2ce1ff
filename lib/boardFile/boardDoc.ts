import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { boardRecords, metaKey } from '../sync/storeBinding.ts'

/** A Y.Doc holding the records, as the browser binding would have written them. */
export function recordsToDoc(records: TLRecord[], doc = new Y.Doc()): Y.Doc {
  const stored = boardRecords(doc)
  doc.transact(() => {
    // One push, not a set per record: each set walks the whole array, quadratic on a large board.
    // As with set, the YKeyValue keeps only the last entry of a key.
    stored.yarray.push(records.map((record) => ({ key: record.id, val: record })))
    doc.getMap(metaKey).set('schema', createBoardSchema().serialize())
  })
  return doc
}

/**
 * Every record of a board's Y.Doc, migrated from the schema it was written
 * with to ours, as a browser joining the board would see them.
 */
export function docToRecords(doc: Y.Doc): TLRecord[] {
  const records = [...boardRecords(doc).map.values()].map(({ val }) => val)
  const writtenWith = doc.getMap<SerializedSchema>(metaKey).get('schema')
  if (!writtenWith) return records
  const migrated = createBoardSchema().migrateStoreSnapshot({ schema: writtenWith, store: Object.fromEntries(records.map((r) => [r.id, r])) })
  // A board written by a newer app cannot be migrated down; its records are read as they are,
  // and readers drop what fails our schema.
  return migrated.type === 'success' ? Object.values(migrated.value) : records
}
