import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { boardRecords, metaKey } from '../sync/storeBinding.ts'

/** A Y.Doc holding the records, as the browser binding would have written them. */
export function recordsToDoc(records: TLRecord[], doc = new Y.Doc()): Y.Doc {
  const stored = boardRecords(doc)
  doc.transact(() => {
    for (const record of records) stored.set(record.id, record)
    doc.getMap(metaKey).set('schema', createBoardSchema().serialize())
  })
  return doc
}

/** Every record of a board's Y.Doc. */
export function docToRecords(doc: Y.Doc): TLRecord[] {
  return [...boardRecords(doc).map.values()].map(({ val }) => val)
}
