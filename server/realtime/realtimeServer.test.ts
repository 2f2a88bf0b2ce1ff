import { afterEach, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../lib/db/testing.ts'
import type { RunningServer } from '../app.ts'
import { connectClient, stickyIn, type TestClient, upgradeStatus, waitFor, whenSynced } from '../testing/clients.ts'
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

    alice.stickies.set('event-1', 'Order Placed')
    bob.stickies.set('command-1', 'Place Order')
    await waitFor(() => alice.stickies.size === 2 && bob.stickies.size === 2, 5000, 'both edits at both clients')
    expect(alice.stickies.toJSON()).toEqual(bob.stickies.toJSON())

    bob.stickies.delete('event-1')
    await waitFor(() => !alice.stickies.has('event-1'), 5000, 'a deletion to arrive')
  })

  test('after a restart a new participant receives the whole board', async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
    const boardId = await createTestBoard(server)
    const alice = client(boardId)
    await whenSynced(alice)
    for (let i = 0; i < 50; i++) alice.stickies.set(`sticky-${i}`, `Event ${i}`)
    const onServer = (await server.realtime.open(boardId)).doc
    await waitFor(() => stickyIn(onServer, 'sticky-49') !== undefined, 5000, 'the edits to reach the server')
    alice.destroy()
    await server.close()

    server = await startTestServer(database.target)
    const carol = client(boardId)
    await whenSynced(carol)
    expect(carol.stickies.size).toBe(50)
    expect(carol.stickies.get('sticky-49')).toBe('Event 49')
  })

  test('a participant connecting to a board that does not exist is refused', async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
    expect(await upgradeStatus(server.port, `/yjs/NoSuchBoard123?token=${testToken('NoSuchBoard123')}`)).toBe(404)
    expect(await upgradeStatus(server.port, '/yjs/..%2F..%2Fetc')).toBe(400)
    expect(server.realtime.openBoardIds).toEqual([])
  })
})
