import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { type RecordEntry, metaMap, readRecords, recordArray, schemaKey } from './layout.ts'

/**
 * Server-side writes to a board's records, as y-utility's YKeyValue makes
 * them (drop every entry of a key, push the new one last) but without
 * building a YKeyValue, which would observe the document for good. One
 * transaction, one pass over the array, whatever the number of records.
 */
export function writeRecords(doc: Y.Doc, change: { put?: TLRecord[]; remove?: string[]; schema?: SerializedSchema }, origin?: unknown): void {
  const put = change.put ?? []
  const replaced = new Set([...put.map((record) => record.id), ...(change.remove ?? [])])
  doc.transact(() => {
    const array = recordArray(doc)
    const entries = array.toArray()
    // From the end, so earlier indices stay valid; adjacent entries go in one delete.
    for (let end = entries.length - 1; end >= 0; end--) {
      if (!replaced.has(entries[end]!.key)) continue
      let start = end
      while (start > 0 && replaced.has(entries[start - 1]!.key)) start--
      array.delete(start, end - start + 1)
      end = start
    }
    if (put.length > 0) array.push(put.map((record): RecordEntry => ({ key: record.id, val: record })))
    if (change.schema) metaMap(doc).set(schemaKey, change.schema)
  }, origin)
}

/** Makes the board's records exactly `records`, writing only those that differ (a restore is one ordinary change). */
export function replaceRecords(doc: Y.Doc, records: TLRecord[], origin?: unknown): void {
  const current = new Map(readRecords(doc).map((record) => [record.id, JSON.stringify(record)]))
  const wanted = new Set(records.map((record) => record.id))
  writeRecords(
    doc,
    {
      put: records.filter((record) => current.get(record.id) !== JSON.stringify(record)),
      remove: [...current.keys()].filter((id) => !wanted.has(id)),
    },
    origin,
  )
}
