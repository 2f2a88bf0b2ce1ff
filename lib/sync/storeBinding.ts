import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { metaMap, recordArray, schemaKey } from '../ydoc/layout.ts'

/**
 * The records of the board's Y.Doc (layout in lib/ydoc/layout.ts) as a live
 * key-value view. A YKeyValue stays small under frequent updates, unlike a
 * Y.Map that keeps every overwritten value; it observes the doc for its whole
 * life, so it is made once per browser binding, never per server read.
 */
export function boardRecords(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(recordArray(doc))
}

/** The board was written by a newer app (its schema has migrations we lack): the user must reload. */
export class IncompatibleBoardError extends Error {}

export interface StoreBinding {
  dispose(): void
}

/**
 * Binds a tldraw store to a synced Y.Doc, both ways. Call it once the doc has
 * the server's state. Local user changes go into the doc in one transaction
 * each; remote changes enter the store inside `mergeRemoteChanges`, so they
 * never land in this user's undo history. A remote record that fails
 * validation is skipped rather than stopping the sync.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc): StoreBinding {
  const records = boardRecords(doc)
  const meta = metaMap(doc)
  const origin = Symbol('tldraw store')
  const isDocumentRecord = (record: TLRecord) => store.scopedTypes.document.has(record.typeName)

  loadDocIntoStore(store, doc, records, meta, origin, isDocumentRecord)

  const stopListening = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) records.set(record.id, record)
        for (const [, record] of Object.values(changes.updated)) records.set(record.id, record)
        for (const record of Object.values(changes.removed)) records.delete(record.id)
      }, origin)
    },
    { source: 'user', scope: 'document' },
  )

  const handleRemote = (changes: Map<string, { action: 'add' | 'update' | 'delete'; newValue?: TLRecord }>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    store.mergeRemoteChanges(() => {
      for (const [id, change] of changes) {
        if (change.action === 'delete') {
          if (store.has(id as TLRecord['id'])) store.remove([id as TLRecord['id']])
        } else if (change.newValue) {
          putRemoteRecord(store, change.newValue)
        }
      }
    })
  }
  records.on('change', handleRemote)

  return {
    dispose() {
      stopListening()
      records.off('change', handleRemote)
    },
  }
}

function loadDocIntoStore(
  store: TLStore,
  doc: Y.Doc,
  records: YKeyValue<TLRecord>,
  meta: Y.Map<SerializedSchema>,
  origin: symbol,
  isDocumentRecord: (record: TLRecord) => boolean,
): void {
  const theirSchema = meta.get(schemaKey)
  const stored = [...records.map.values()].map(({ val }) => val)

  // The server writes the schema when it creates or loads a board; clients never do.
  if (!theirSchema) throw new IncompatibleBoardError('this board came without its schema; reload the page')
  if (stored.length === 0) {
    // Everything was deleted: the board starts again with this client's default page and document.
    doc.transact(() => {
      for (const record of store.allRecords()) if (isDocumentRecord(record)) records.set(record.id, record)
    }, origin)
    return
  }

  const migrated = store.schema.migrateStoreSnapshot({
    schema: theirSchema,
    store: Object.fromEntries(stored.map((record) => [record.id, record])),
  })
  if (migrated.type === 'error') {
    throw new IncompatibleBoardError(`this board was saved by a newer version of the app (${migrated.reason}); reload the page`)
  }

  // The server migrates a board when it loads it; this only reads what a stale server left older.
  replaceDocumentRecords(store, Object.values(migrated.value))
}

/**
 * Makes the store's document hold exactly these records, as remote changes
 * (never in the user's undo history); a record that fails validation is skipped.
 */
export function replaceDocumentRecords(store: TLStore, records: TLRecord[]): void {
  store.mergeRemoteChanges(() => {
    const keep = new Set<string>(records.map((record) => record.id))
    const stale = store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName) && !keep.has(record.id))
    store.remove(stale.map((record) => record.id))
    putRemoteRecords(store, records)
  })
}

/** All in one put (half the time of one put each for 5,000 stickies); should one fail validation, none is kept and each is put alone. */
function putRemoteRecords(store: TLStore, records: TLRecord[]): void {
  try {
    store.put(records)
  } catch {
    for (const record of records) putRemoteRecord(store, record)
  }
}

function putRemoteRecord(store: TLStore, record: TLRecord): void {
  try {
    store.put([record])
  } catch (error) {
    console.warn(`skipped an invalid record from the board (${String((record as { id?: unknown }).id)}):`, error)
  }
}
