import { afterEach, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../lib/db/testing.ts'
import type { RunningServer } from '../app.ts'
import { connectClient, type TestClient, upgradeStatus, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'

describe.each(testDatabaseKinds)('realtime board on %s', (kind) => {
  let database: TestDatabase
  let server: RunningServer | undefined
  const clients: TestClient[] = []

  const client = (boardId: string) => {
    const c = connectClient(server!.port, boardId, { token: testToken(boardId) })
    clients.push(c)
    return c
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = undefined
    await database?.drop()
  })

  test('two participants editing one board converge', async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
    const boardId = await createTestBoard(server)
    const alice = client(boardId)
    const bob = client(boardId)
    await Promise.all([whenSynced(alice), whenSynced(bob)])

    alice.items.set('event-1', 'Order Placed')
    bob.items.set('command-1', 'Place Order')
    await waitFor(() => alice.items.size === 2 && bob.items.size === 2, 5000, 'both edits at both clients')
    expect(alice.items.toJSON()).toEqual(bob.items.toJSON())

    bob.items.delete('event-1')
    await waitFor(() => !alice.items.has('event-1'), 5000, 'a deletion to arrive')
  })

  test('after a restart a new participant receives the whole board', async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
    const boardId = await createTestBoard(server)
    const alice = client(boardId)
    await whenSynced(alice)
    for (let i = 0; i < 50; i++) alice.items.set(`sticky-${i}`, { text: `Event ${i}` })
    const onServer = (await server.realtime.open(boardId)).doc.getMap('items')
    await waitFor(() => onServer.size === 50, 5000, 'the edits to reach the server')
    alice.destroy()
    await server.close()

    server = await startTestServer(database.target)
    const carol = client(boardId)
    await whenSynced(carol)
    expect(carol.items.size).toBe(50)
    expect(carol.items.get('sticky-49')).toEqual({ text: 'Event 49' })
  })

  test('a participant connecting to a board that does not exist is refused', async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
    expect(await upgradeStatus(server.port, `/yjs/NoSuchBoard123?token=${testToken('NoSuchBoard123')}`)).toBe(404)
    expect(await upgradeStatus(server.port, '/yjs/..%2F..%2Fetc')).toBe(400)
    expect(server.realtime.openBoardIds).toEqual([])
  })
})
