import type * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { contentToRecords } from '../boardFile/contentToRecords.ts'
import { emptyBoardContent } from '../boardFile/boardContent.ts'
import { readRecords, readSchema } from './layout.ts'
import { writeRecords } from './recordWrites.ts'

export type SchemaUpgrade = 'current' | 'initialised' | 'migrated' | 'newer'

/**
 * Brings a board's document to this app's schema when the server loads it,
 * so clients never write the schema themselves: a board stored without one
 * (created before the server wrote it) gets a page and the schema; an older
 * board is migrated, writing only the records that change. A board written
 * by a newer app is left alone: its clients are told to reload.
 */
export function upgradeBoardSchema(doc: Y.Doc, origin?: unknown): SchemaUpgrade {
  const schema = createBoardSchema()
  const ours = schema.serialize()
  const theirs = readSchema(doc)
  const records = readRecords(doc)
  if (!theirs) {
    const initial = records.length > 0 ? [] : contentToRecords(emptyBoardContent(''))
    writeRecords(doc, { put: initial, schema: ours }, origin)
    return 'initialised'
  }
  if (JSON.stringify(theirs) === JSON.stringify(ours)) return 'current'
  const migrated = schema.migrateStoreSnapshot({ schema: theirs, store: Object.fromEntries(records.map((record) => [record.id, record])) })
  if (migrated.type === 'error') return 'newer'
  const before = new Map(records.map((record) => [record.id, JSON.stringify(record)]))
  writeRecords(
    doc,
    {
      put: Object.values(migrated.value).filter((record) => before.get(record.id) !== JSON.stringify(record)),
      remove: records.filter((record) => !migrated.value[record.id]).map((record) => record.id),
      schema: ours,
    },
    origin,
  )
  return 'migrated'
}
