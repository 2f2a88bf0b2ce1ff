import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'

/**
 * How a board lives in its Y.Doc, for every reader and writer: the browser
 * binding, the server's checks, reads and writes, import and export.
 *
 *   tl_records  Y.Array of {key, val}: one entry per document-scope tldraw
 *               record, key = val.id. When a key appears more than once the
 *               rightmost entry wins (y-utility's YKeyValue semantics; it
 *               removes the others as it meets them).
 *   tl_meta     Y.Map: `schema`, the tldraw schema the records were written
 *               with. Only the server writes it.
 *   facilitation  Y.Map of JSON values: the workshop's `phase`, `timer`,
 *               `boardLocked` and `vote` round (lib/facilitation/facilitationState.ts).
 *               Only the server writes it, on a facilitator's request.
 *   locks       Y.Map: shape id → true for each element a facilitator locked.
 *               Only the server writes it.
 *
 * No other root, and no nested Yjs type, text or binary anywhere.
 */
export const recordsKey = 'tl_records'
export const metaKey = 'tl_meta'
export const schemaKey = 'schema'
export const facilitationKey = 'facilitation'
export const locksKey = 'locks'
/** The roots no client may write. */
export const serverRoots: readonly string[] = [metaKey, facilitationKey, locksKey]

export interface RecordEntry {
  key: string
  val: TLRecord
}

export const recordArray = (doc: Y.Doc) => doc.getArray<RecordEntry>(recordsKey)
export const metaMap = (doc: Y.Doc) => doc.getMap<SerializedSchema>(metaKey)
export const facilitationMap = (doc: Y.Doc) => doc.getMap<unknown>(facilitationKey)
export const locksMap = (doc: Y.Doc) => doc.getMap<true>(locksKey)

/** A root map if the doc has one, without creating it: the update check reads the doc and never changes it. */
export function existingMap<T>(doc: Y.Doc, key: string): Y.Map<T> | undefined {
  return doc.share.has(key) ? doc.getMap<T>(key) : undefined
}

/**
 * The records as a reader sees them, without observing or changing the doc
 * (y-utility's YKeyValue would do both, and its observer can never be removed).
 */
export function readRecords(doc: Y.Doc): TLRecord[] {
  const entries = recordArray(doc).toArray()
  const seen = new Map<string, TLRecord>()
  for (let i = entries.length - 1; i >= 0; i--) {
    const { key, val } = entries[i]!
    if (!seen.has(key)) seen.set(key, val)
  }
  return [...seen.values()].reverse()
}

export function readSchema(doc: Y.Doc): SerializedSchema | undefined {
  return metaMap(doc).get(schemaKey)
}
