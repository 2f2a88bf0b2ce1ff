import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { recordsToDoc } from '../ydoc/convert.ts'
import { recordArray } from '../ydoc/layout.ts'
import { setLiveBoards } from '../boards/liveBoards.ts'
import { appendUpdate } from '../db/boardUpdates.ts'
import { createBoardWithState } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import { openTestDatabase } from '../db/testing.ts'
import { readBoardContracts } from '../contracts/boardContracts.ts'
import { readBoardModel } from './readBoardModel.ts'
import { boardRecords, row, sticky } from './testing.ts'

describe('reading a board’s model, and the contracts made of it', () => {
  let db: Database
  let closeDatabase: (() => Promise<void>) | undefined

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite')
    db = opened.db
    closeDatabase = opened.close
  })

  afterAll(async () => {
    setLiveBoards(undefined)
    await closeDatabase?.()
  })

  const storedBoard = async () => {
    const doc = recordsToDoc(boardRecords({ elements: row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')) }))
    return { doc, board: await createBoardWithState(db, 'Shop', Y.encodeStateAsUpdate(doc)) }
  }

  test('a stored board’s model comes from its saved state; an unknown board has none', async () => {
    const { board } = await storedBoard()
    const model = await readBoardModel(db, board.id)
    expect(model?.flows).toEqual([{ from: 'place-order', to: 'order-placed', via: 'adjacency' }])
    expect(await readBoardModel(db, 'no-such-board')).toBeNull()
  })

  test('an open board’s model includes edits not saved yet', async () => {
    const { doc, board } = await storedBoard()
    const live = new Y.Doc()
    Y.applyUpdate(live, Y.encodeStateAsUpdate(doc))
    recordsToDoc(boardRecords({ elements: row(0, 400, sticky('hotspot', 'Which shop?')) }).filter((r) => r.typeName === 'shape'), live)
    setLiveBoards({ doc: (id) => (id === board.id ? live : undefined), disconnect: () => {}, change: async () => {} })
    const model = await readBoardModel(db, board.id)
    expect(model?.elements.hotspot.map((h) => h.text)).toEqual(['Which shop?'])
  })

  test('the model is built once per content of the board: read again unchanged it is the same, and an edit or a deletion makes a new one', async () => {
    const { doc, board } = await storedBoard()
    const live = new Y.Doc()
    Y.applyUpdate(live, Y.encodeStateAsUpdate(doc))
    setLiveBoards({ doc: (id) => (id === board.id ? live : undefined), disconnect: () => {}, change: async () => {} })
    const first = await readBoardModel(db, board.id)
    expect(await readBoardModel(db, board.id)).toBe(first)

    recordsToDoc(boardRecords({ elements: row(0, 400, sticky('hotspot', 'Which shop?')) }).filter((r) => r.typeName === 'shape'), live)
    const edited = await readBoardModel(db, board.id)
    expect(edited?.elements.hotspot.map((h) => h.text)).toEqual(['Which shop?'])

    // A deletion leaves the state vector as it was; only the delete set tells.
    const records = recordArray(live)
    records.delete(records.toArray().findIndex((entry) => entry.key.includes('which-shop')), 1)
    const deleted = await readBoardModel(db, board.id)
    expect(deleted).not.toBe(edited)
    expect(deleted?.elements.hotspot).toEqual([])
  })

  test('a stored board’s model read again is the same one; an edit stored meanwhile makes a new one', async () => {
    const { doc, board } = await storedBoard()
    const first = await readBoardModel(db, board.id)
    expect(await readBoardModel(db, board.id)).toBe(first)

    const before = Y.encodeStateVector(doc)
    recordsToDoc(boardRecords({ elements: row(0, 400, sticky('hotspot', 'Which shop?')) }).filter((r) => r.typeName === 'shape'), doc)
    await appendUpdate(db, board.id, Y.encodeStateAsUpdate(doc, before))
    const edited = await readBoardModel(db, board.id)
    expect(edited).not.toBe(first)
    expect(edited?.elements.hotspot.map((h) => h.text)).toEqual(['Which shop?'])
  })

  test('the model every reader shares cannot be changed by one of them', async () => {
    const { board } = await storedBoard()
    const model = await readBoardModel(db, board.id)
    expect(() => model!.elements.event.push(model!.elements.event[0]!)).toThrow(TypeError)
    expect(() => Object.assign(model!.elements.event[0]!, { text: 'Order Cancelled' })).toThrow(TypeError)
    expect((await readBoardModel(db, board.id))?.elements.event.map((e) => e.text)).toEqual(['Order Placed'])
  })

  test('the contracts are made once while the board is unchanged, so every format and preview shares their schemas; an edit makes new ones', async () => {
    const { doc, board } = await storedBoard()
    setLiveBoards({ doc: (id) => (id === board.id ? doc : undefined), disconnect: () => {}, change: async () => {} })
    const options = { payloadBudgetBytes: 256 * 1024 }

    const first = await readBoardContracts(db, board.id, options)
    expect(await readBoardContracts(db, board.id, options)).toBe(first)
    expect(Object.isFrozen(first!.contexts[0]!.events[0])).toBe(true)
    // Another budget is another set of problems.
    expect(await readBoardContracts(db, board.id, { payloadBudgetBytes: 1024 })).not.toBe(first)

    recordsToDoc(boardRecords({ elements: row(0, 400, sticky('event', 'Order Shipped')) }).filter((r) => r.typeName === 'shape'), doc)
    const edited = await readBoardContracts(db, board.id, options)
    expect(edited).not.toBe(first)
    expect(edited!.contexts.flatMap((c) => c.events.map((e) => e.name))).toEqual(expect.arrayContaining(['OrderPlaced', 'OrderShipped']))
  })
})
