import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import type { RunningServer } from '../app.ts'
import { connectClient, type TestClient, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'
import { encodeAwarenessEntries } from './awarenessUpdate.ts'
import { encodeAwareness, messageSync } from './protocol.ts'

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

  function rawSocket(): Promise<WebSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/yjs/${boardId}?token=${testToken(boardId)}`)
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket))
      socket.once('error', reject)
    })
  }

  const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))

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

    alice.items.set('still', 'working')
    const bob = await participant('Bob')
    await waitFor(() => bob.items.get('still') === 'working', 5000, 'the board to keep working')
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
})
