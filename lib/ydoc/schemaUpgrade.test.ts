import type { SerializedSchemaV2 } from '@tldraw/store'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { boardRecords, row, sticky } from '../model/testing.ts'
import { recordsToDoc } from './convert.ts'
import { readRecords, readSchema } from './layout.ts'
import { writeRecords } from './recordWrites.ts'
import { upgradeBoardSchema } from './schemaUpgrade.ts'

const ours = () => createBoardSchema().serialize() as SerializedSchemaV2
const updatesDuring = (doc: Y.Doc, work: () => void) => {
  const updates: Uint8Array[] = []
  const record = (update: Uint8Array) => updates.push(update)
  doc.on('update', record)
  work()
  doc.off('update', record)
  return updates
}

describe('bringing a board to this app’s schema when the server loads it', () => {
  test('a board stored without a schema gets a page and the schema, so no client has to write them', () => {
    const doc = new Y.Doc()
    expect(upgradeBoardSchema(doc)).toBe('initialised')
    expect(readSchema(doc)).toEqual(ours())
    expect(readRecords(doc).map((record) => record.typeName).sort()).toEqual(['document', 'page'])
  })

  test('a board with records but no schema keeps its records and gains the schema', () => {
    const doc = new Y.Doc()
    const records = boardRecords({ elements: row(0, 0, sticky('event', 'Order Placed')) })
    writeRecords(doc, { put: records })
    expect(upgradeBoardSchema(doc)).toBe('initialised')
    expect(readRecords(doc)).toEqual(records)
  })

  test('a current board is left untouched: opening it writes nothing', () => {
    const doc = recordsToDoc(boardRecords({ elements: row(0, 0, sticky('event', 'Order Placed')) }))
    expect(updatesDuring(doc, () => expect(upgradeBoardSchema(doc)).toBe('current'))).toEqual([])
  })

  test('an older board is migrated, writing only what changes', () => {
    const records = boardRecords({ elements: row(0, 0, sticky('event', 'Order Placed'), sticky('command', 'Place Order')) })
    const doc = recordsToDoc(records)
    const older = ours()
    older.sequences['com.tldraw.store'] = 4
    writeRecords(doc, { schema: older })
    expect(upgradeBoardSchema(doc)).toBe('migrated')
    expect(readSchema(doc)).toEqual(ours())
    expect(readRecords(doc).sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.sort((a, b) => a.id.localeCompare(b.id)))
  })

  test('a board written by a newer app is left as it is', () => {
    const doc = recordsToDoc(boardRecords({ elements: row(0, 0, sticky('event', 'Order Placed')) }))
    const newer = ours()
    newer.sequences['com.tldraw.shape.es-sticky'] = (newer.sequences['com.tldraw.shape.es-sticky'] ?? 0) + 1
    writeRecords(doc, { schema: newer })
    expect(updatesDuring(doc, () => expect(upgradeBoardSchema(doc)).toBe('newer'))).toEqual([])
    expect(readSchema(doc)).toEqual(newer)
  })
})
