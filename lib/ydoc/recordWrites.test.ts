import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { readRecords, readSchema, recordArray } from './layout.ts'
import { replaceRecords, writeRecords } from './recordWrites.ts'

const record = (id: string, text: string) => ({ id, typeName: 'shape', text }) as unknown as TLRecord

describe('writing records on the server', () => {
  test('replaces, adds and removes records, keeping one entry per key', () => {
    const doc = new Y.Doc()
    writeRecords(doc, { put: [record('a', '1'), record('b', '1'), record('c', '1'), record('d', '1')] })
    writeRecords(doc, { put: [record('b', '2'), record('e', '1')], remove: ['c', 'd', 'missing'] })
    expect(readRecords(doc)).toEqual([record('a', '1'), record('b', '2'), record('e', '1')])
    expect(recordArray(doc).length).toBe(3)
  })

  test('is read the same by a browser’s YKeyValue on another doc', () => {
    const server = new Y.Doc()
    const browser = new Y.Doc()
    server.on('update', (update) => Y.applyUpdate(browser, update))
    writeRecords(server, { put: [record('a', '1'), record('b', '1')] })
    const view = new YKeyValue<TLRecord>(recordArray(browser))
    writeRecords(server, { put: [record('a', '2')], remove: ['b'] })
    expect([...view.map.values()].map((entry) => entry.val)).toEqual([record('a', '2')])
  })

  test('writes the schema with the records, in one update', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update) => updates.push(update))
    const schema = { schemaVersion: 2, sequences: {} } as never
    writeRecords(doc, { put: [record('a', '1')], schema })
    expect(updates).toHaveLength(1)
    expect(readSchema(doc)).toEqual(schema)
  })
})

describe('replacing every record, as a restore does', () => {
  test('writes only what differs and removes what the target lacks', () => {
    const doc = new Y.Doc()
    writeRecords(doc, { put: [record('a', '1'), record('b', '1'), record('c', '1')] })
    const updates: Uint8Array[] = []
    doc.on('update', (update) => updates.push(update))
    replaceRecords(doc, [record('a', '1'), record('b', '2'), record('d', '1')])
    expect(readRecords(doc).sort((x, y) => x.id.localeCompare(y.id))).toEqual([record('a', '1'), record('b', '2'), record('d', '1')])
    expect(updates).toHaveLength(1)
    const entryOfA = recordArray(doc).toArray().findIndex((entry) => entry.key === 'a')
    expect(entryOfA).toBe(0)
  })
})
