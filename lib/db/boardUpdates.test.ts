import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBlankBoard } from '../boardFile/importBoard.ts'
import { type UpdateAuthor, appendUpdates, readLogPage } from './boardUpdates.ts'
import type { Database } from './client.ts'
import { openTestDatabase, testDatabaseKinds } from './testing.ts'

const alice: UpdateAuthor = { role: 'facilitator', name: 'Alice', connectionId: 'conn-alice' }
const bob: UpdateAuthor = { role: 'participant', name: 'Bob', connectionId: 'conn-bob' }

function edit(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('edit').set('text', text)
  return Y.encodeStateAsUpdate(doc)
}

describe.each(testDatabaseKinds)('the board log on %s', (kind) => {
  let db: Database
  let close: (() => Promise<void>) | undefined

  beforeAll(async () => {
    ;({ db, close } = await openTestDatabase(kind))
  })
  afterAll(async () => {
    await close?.()
  })

  test('edits of several people written in one interval are stored in order, each under its author', async () => {
    const { id: boardId } = await createBlankBoard(db, 'Log')
    const written = [
      { update: edit('from Alice'), author: alice },
      { update: edit('from Bob'), author: bob },
      { update: edit('from the server') },
    ]
    await appendUpdates(db, boardId, written)

    const log = await readLogPage(db, boardId, { afterId: 0n, limit: 100 })
    const rows = log.slice(-3)
    expect(rows.map((row) => row.author)).toEqual([alice, bob, null])
    expect(rows.map((row) => [...row.data])).toEqual(written.map(({ update }) => [...update]))
  })
})
