import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { boardRecords as contentRecords } from '../model/testing.ts'
import { boardRecords } from '../sync/storeBinding.ts'
import { recordsToDoc } from '../ydoc/convert.ts'
import { readRecords } from '../ydoc/layout.ts'
import { TrackedBoard } from './trackedBoard.ts'

const start = recordsToDoc(contentRecords({ elements: [{ id: 'placed', kind: 'event', text: 'Order Placed', x: 0, y: 0 }] }))

/** A browser's copy of the board: what it writes comes back as one update per transaction. */
function browser() {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(start))
  const records = boardRecords(doc)
  const edit = (change: (records: ReturnType<typeof boardRecords>) => void) => {
    const updates: Uint8Array[] = []
    const keep = (update: Uint8Array) => updates.push(update)
    doc.on('update', keep)
    doc.transact(() => change(records))
    doc.off('update', keep)
    return Y.mergeUpdates(updates)
  }
  const retyped = (text: string) => (records: ReturnType<typeof boardRecords>) => {
    const sticky = records.get('shape:placed') as TLRecord & { props: object }
    records.set(sticky.id, { ...sticky, props: { ...sticky.props, text } } as TLRecord)
  }
  return { doc, edit, retyped }
}

const textOf = (record: TLRecord | undefined) => (record as { props?: { text?: string } } | undefined)?.props?.text

describe('a tracked board', () => {
  test('reads a sticky two people retyped at once as every reader does (the rightmost entry wins), and reports it changed once', () => {
    const ana = browser()
    const ben = browser()
    const fromAna = ana.edit(ana.retyped('Order Submitted'))
    const fromBen = ben.edit(ben.retyped('Order Received'))

    const board = new TrackedBoard(Y.encodeStateAsUpdate(start))
    const reader = new Y.Doc()
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(start))
    for (const update of [fromAna, fromBen]) {
      board.apply(update)
      Y.applyUpdate(reader, update)
    }
    const read = readRecords(reader).find((record) => record.id === 'shape:placed')
    expect(textOf(board.records().get('shape:placed'))).toBe(textOf(read))

    const changes = board.takeChanges()
    expect(changes).toHaveLength(1)
    expect(changes.map(([before, after]) => [textOf(before), textOf(after)])).toEqual([['Order Placed', textOf(read)]])
    expect(board.takeChanges()).toEqual([])
    board.destroy()
  })

  test('follows additions and deletions, and holds the same records as a reader of the whole board', () => {
    const ana = browser()
    const board = new TrackedBoard(Y.encodeStateAsUpdate(start))
    const added = contentRecords({ elements: [{ id: 'paid', kind: 'event', text: 'Payment Taken', x: 300, y: 0 }] }).filter((r) => r.typeName === 'shape')
    board.apply(ana.edit((records) => added.forEach((record) => records.set(record.id, record))))
    board.apply(ana.edit((records) => records.delete('shape:placed')))

    expect(new Map([...board.records()].map(([id, record]) => [id, textOf(record)]))).toEqual(
      new Map(readRecords(ana.doc).map((record) => [record.id, textOf(record)])),
    )
    const changes = new Map(board.takeChanges().map(([before, after]): [string, unknown] => [(before ?? after)!.id, [textOf(before), textOf(after)]]))
    expect(changes.get('shape:paid')).toEqual([undefined, 'Payment Taken'])
    expect(changes.get('shape:placed')).toEqual(['Order Placed', undefined])
    board.destroy()
  })
})
