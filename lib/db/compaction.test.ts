import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBoard } from './boards.ts'
import { appendUpdate, compactBoard, loadBoardState } from './boardUpdates.ts'
import { type Database, openDatabase } from './client.ts'
import { migrate } from './migrate.ts'
import { type TestDatabase, createTestDatabase, overlappingStructs } from './testing.ts'

/** Several instances write one board's log on one PostgreSQL database, each through its own connection pool. */

let database: TestDatabase | undefined
const opened: Database[] = []

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()))
  await database?.drop()
  database = undefined
})

test('two instances appending and compacting one board at the same time lose no update and store none twice', async () => {
  database = await createTestDatabase('postgres')
  const instances = [await openDatabase(database.target), await openDatabase(database.target)]
  opened.push(...instances)
  await migrate(instances[0]!)
  const boardId = (await createBoard(instances[0]!, 'Two writers')).id

  const edits = 40
  await Promise.all(
    instances.map(async (db, instance) => {
      // Each instance's clients edit under their own Yjs client ids, as on a real board.
      const doc = new Y.Doc()
      for (let i = 0; i < edits; i++) {
        let update: Uint8Array | undefined
        doc.once('update', (u: Uint8Array) => (update = u))
        doc.getMap('stickies').set(`instance-${instance}-edit-${i}`, i)
        await appendUpdate(db, boardId, update!)
        // Both compact often, so their compactions overlap each other and the other's appends.
        if (i % 3 === instance) await compactBoard(db, boardId)
      }
    }),
  )

  const state = (await loadBoardState(instances[0]!, boardId))!
  expect(overlappingStructs(state.updates)).toEqual([])
  const doc = new Y.Doc()
  for (const update of state.updates) Y.applyUpdate(doc, update)
  expect(doc.getMap('stickies').size).toBe(2 * edits)
})
