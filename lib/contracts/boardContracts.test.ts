import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { setLiveBoards } from '../boards/liveBoards.ts'
import { createBoardWithState } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import { openTestDatabase } from '../db/testing.ts'
import { boardRecords, row, sticky } from '../model/testing.ts'
import { recordsToDoc } from '../ydoc/convert.ts'
import { readBoardContracts } from './boardContracts.ts'

describe('a board’s contracts as every export reads them', () => {
  let db: Database
  let closeDatabase: (() => Promise<void>) | undefined
  const options = { payloadBudgetBytes: 256 * 1024 }

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite')
    db = opened.db
    closeDatabase = opened.close
  })

  afterAll(async () => {
    setLiveBoards(undefined)
    await closeDatabase?.()
  })

  test('are made once while the board is unchanged, so every format and preview shares their schemas; an edit makes new ones', async () => {
    const doc = recordsToDoc(boardRecords({ elements: row(0, 0, sticky('event', 'Order Placed')) }))
    const board = await createBoardWithState(db, 'Shop', Y.encodeStateAsUpdate(doc))
    setLiveBoards({ doc: (id) => (id === board.id ? doc : undefined), disconnect: () => {}, change: async () => {} })

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
