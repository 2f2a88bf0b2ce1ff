import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { writeRecords } from '../../lib/ydoc/recordWrites.ts'
import type { RunningServer } from '../app.ts'
import { closeOf, connectClient, openSocket, stickyRecord, type TestClient, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'
import { encodeAwarenessEntries } from './awarenessUpdate.ts'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, messageSync } from './protocol.ts'

// What one connection may do to the others, on an in-memory embedded database.
describe('a connection', () => {
  let server: RunningServer
  let boardId: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite' })
    boardId = await createTestBoard(server)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
  })

  async function participant(name: string) {
    const client = connectClient(server.port, boardId, { token: testToken(boardId) })
    clients.push(client)
    await whenSynced(client)
    client.provider.awareness.setLocalStateField('user', { name })
    return client
  }

  async function rawSocket(role: 'participant' | 'viewer' = 'participant'): Promise<WebSocket> {
    const { socket } = await openSocket(server.port, `/yjs/${boardId}?token=${testToken(boardId, role)}`)
    return socket!
  }

  const closeCode = async (socket: WebSocket) => (await closeOf(socket)).code

  test("cannot rename or remove another participant's cursor", async () => {
    const alice = await participant('Alice')
    const bob = await participant('Bob')
    const aliceId = alice.provider.awareness.clientID
    await waitFor(() => (bob.provider.awareness.getStates().get(aliceId) as { user?: { name: string } })?.user?.name === 'Alice')

    const mallory = await rawSocket()
    mallory.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 424242, clock: 1, state: JSON.stringify({ user: { name: 'Mallory' } }) }])))
    mallory.send(encodeAwareness(encodeAwarenessEntries([{ clientId: aliceId, clock: 999, state: JSON.stringify({ user: { name: 'Not Alice' } }) }])))
    mallory.send(encodeAwareness(encodeAwarenessEntries([{ clientId: aliceId, clock: 1000, state: 'null' }])))
    await waitFor(() => bob.provider.awareness.getStates().has(424242), 5000, "Mallory's own cursor")

    expect((bob.provider.awareness.getStates().get(aliceId) as { user: { name: string } }).user.name).toBe('Alice')
    mallory.close()
  })

  test('sending a malformed message closes only that connection', async () => {
    const alice = await participant('Alice')
    const broken = await rawSocket()
    const closed = closeCode(broken)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint8Array(encoder, new Uint8Array([255, 255, 255, 1, 2, 3]))
    broken.send(encoding.toUint8Array(encoder))
    expect(await closed).toBe(4400)

    alice.stickies.set('still', 'working')
    const bob = await participant('Bob')
    await waitFor(() => bob.stickies.get('still') === 'working', 5000, 'the board to keep working')
  })

  test('text frames and oversized messages are refused', async () => {
    const text = await rawSocket()
    const textClosed = closeCode(text)
    text.send('hello')
    expect(await textClosed).toBe(4400)

    const huge = await rawSocket()
    const hugeClosed = closeCode(huge)
    huge.send(new Uint8Array(9 * 1024 * 1024))
    expect(await hugeClosed).toBe(1009)
  })

  test('cannot write under the Yjs client id of someone already writing: their next edits are never dropped as duplicates', async () => {
    const alice = await participant('Alice')
    const bob = await participant('Bob')
    alice.stickies.set('alice-1', 'Order Placed')
    await waitFor(() => bob.stickies.get('alice-1') === 'Order Placed', 5000, "Alice's first edit")

    const impostor = new Y.Doc()
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(alice.doc))
    // After syncing: Yjs gives a doc a new id when it receives structs under its own.
    impostor.clientID = alice.doc.clientID
    const before = Y.encodeStateVector(impostor)
    writeRecords(impostor, { put: [stickyRecord('squatted', 'Not by Alice')] })
    const mallory = await rawSocket()
    const closed = closeCode(mallory)
    mallory.send(encodeUpdate(Y.encodeStateAsUpdate(impostor, before)))
    expect(await closed).toBe(4403)

    alice.stickies.set('alice-2', 'Payment Taken')
    await waitFor(() => bob.stickies.get('alice-2') === 'Payment Taken', 5000, "Alice's next edit")
    expect(bob.stickies.has('squatted')).toBe(false)
  })

  test('a role is what the link says, whatever the awareness state claims', async () => {
    const bob = await participant('Bob')
    const mallory = await rawSocket('viewer')
    mallory.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 777, clock: 1, state: JSON.stringify({ user: { name: 'Mallory' }, role: 'facilitator' }) }])))
    await waitFor(() => bob.provider.awareness.getStates().has(777), 5000, "Mallory's state")
    expect(bob.provider.awareness.getStates().get(777)).toMatchObject({ user: { name: 'Mallory' }, role: 'viewer' })

    const broken = await rawSocket()
    const closed = closeCode(broken)
    broken.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 778, clock: 1, state: '[1, 2]' }])))
    expect(await closed).toBe(4400)
  })

  test('a sync step 1 with a malformed state vector is the client’s protocol error, not the server’s', async () => {
    const socket = await rawSocket()
    const closed = closeOf(socket)
    socket.send(encodeSyncStep1(new Uint8Array([3, 200])))
    expect(await closed).toEqual({ code: 4400, reason: 'malformed state vector' })
  })

  test('a second sync step 2 on one connection is refused as a protocol error', async () => {
    const socket = await rawSocket()
    const closed = closeCode(socket)
    const empty = Y.encodeStateAsUpdate(new Y.Doc())
    socket.send(encodeSyncStep2(empty))
    socket.send(encodeSyncStep2(empty))
    expect(await closed).toBe(4400)
  })
})
