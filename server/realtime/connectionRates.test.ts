import type { TLShape } from '@tldraw/tlschema'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import { readConfig } from '../../lib/config.ts'
import { writeRecords } from '../../lib/ydoc/recordWrites.ts'
import type { RunningServer } from '../app.ts'
import { closeOf, connectClient, openSocket, stickyRecord, type TestClient, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'
import { encodeAwarenessEntries } from './awarenessUpdate.ts'
import { encodeAwareness, encodeSyncStep1, encodeUpdate, messageQueryAwareness } from './protocol.ts'

/**
 * What one connection may send, and how fast: floods are closed, and what
 * real clients send in a workshop (drags, cursors, a whole board on
 * reconnect, a hundred people on one address) never is.
 */
describe('traffic on a connection', () => {
  const defaults = readConfig({})
  // The default rates, with a message burst small enough that a two-second drag lives on the sustained rate,
  // and the least byte burst allowed: one message of the largest size.
  const limits = { messageBurst: 20, byteBurst: defaults.maxMessageBytes }
  let server: RunningServer
  const clients: TestClient[] = []
  const sockets: WebSocket[] = []

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite' }, limits)
  })
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
    for (const socket of sockets.splice(0)) socket.terminate()
  })
  afterAll(async () => {
    await server.close()
  })

  function participant(boardId: string): TestClient {
    const client = connectClient(server.port, boardId, { token: testToken(boardId) })
    clients.push(client)
    return client
  }

  async function attacker(boardId: string): Promise<WebSocket> {
    const { socket } = await openSocket(server.port, `/yjs/${boardId}?token=${testToken(boardId)}`)
    sockets.push(socket!)
    return socket!
  }

  const closes = (client: TestClient) => {
    const seen: number[] = []
    client.provider.on('connection-close', (event) => seen.push(event?.code ?? 0))
    return seen
  }

  function stickyUpdate(key: string, text: string): Uint8Array {
    const doc = new Y.Doc()
    writeRecords(doc, { put: [stickyRecord(key, text)] })
    return encodeUpdate(Y.encodeStateAsUpdate(doc))
  }

  const awarenessOf = (clientId: number, state: object) => encodeAwareness(encodeAwarenessEntries([{ clientId, clock: 1, state: JSON.stringify(state) }]))

  test('a connection flooding messages is closed with 4529, what it sent after is dropped, and the others keep editing', async () => {
    const boardId = await createTestBoard(server)
    const alice = participant(boardId)
    const bob = participant(boardId)
    await Promise.all([whenSynced(alice), whenSynced(bob)])
    const mallory = await attacker(boardId)
    mallory.send(stickyUpdate('in-time', 'Sent in time'))
    await waitFor(() => bob.stickies.get('in-time') === 'Sent in time', 5000, 'the update sent before the flood')

    const closed = closeOf(mallory)
    // Each sync step 1 would have the server encode the whole board.
    for (let i = 0; i < 5000; i++) mallory.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    mallory.send(stickyUpdate('too-late', 'Sent after the flood'))
    expect(await closed).toEqual({ code: 4529, reason: 'too many messages' })

    alice.stickies.set('still', 'Working')
    await waitFor(() => bob.stickies.get('still') === 'Working', 5000, 'the board to keep working')
    expect(bob.stickies.has('too-late')).toBe(false)
  })

  test('what a connection sends after the server closed it never reaches the board', async () => {
    const boardId = await createTestBoard(server)
    const bob = participant(boardId)
    await whenSynced(bob)
    const mallory = await attacker(boardId)
    const closed = closeOf(mallory)
    mallory.send('not binary')
    mallory.send(stickyUpdate('after-close', 'Sent while closing'))
    expect((await closed).code).toBe(4400)

    const alice = participant(boardId)
    await whenSynced(alice)
    alice.stickies.set('later', 'Sent later')
    await waitFor(() => bob.stickies.get('later') === 'Sent later', 5000, 'a later edit')
    expect(bob.stickies.has('after-close')).toBe(false)
  })

  test('a connection sending more bytes than its rate is closed with 4529', async () => {
    const boardId = await createTestBoard(server)
    const mallory = await attacker(boardId)
    const closed = closeOf(mallory)
    // A megabyte that costs the server next to nothing to handle (a query for awareness, padded: the
    // protocol reads nothing after its type), so only the byte rate can stop it, however busy the machine.
    const heavy = new Uint8Array(1024 * 1024)
    heavy[0] = messageQueryAwareness
    for (let i = 0; i < 40; i++) mallory.send(heavy)
    expect(await closed).toEqual({ code: 4529, reason: 'too many bytes' })
  })

  test('a connection flooding pings is closed like any other flood', async () => {
    const boardId = await createTestBoard(server)
    const mallory = await attacker(boardId)
    const closed = closeOf(mallory)
    // More than the burst, fewer than ws's own cap of 60 pongs waiting to be written, which would cut it off first.
    for (let i = 0; i < limits.messageBurst + 20; i++) mallory.ping()
    expect(await closed).toEqual({ code: 4529, reason: 'too many messages' })
  })

  test('an awareness state over the limit closes its connection with 4413, and nobody sees it', async () => {
    const boardId = await createTestBoard(server)
    const bob = participant(boardId)
    await whenSynced(bob)
    const mallory = await attacker(boardId)
    const carol = await attacker(boardId)
    const closed = closeOf(mallory)

    mallory.send(awarenessOf(9001, { user: { name: 'Mallory' }, padding: 'x'.repeat(defaults.maxAwarenessStateBytes) }))
    expect(await closed).toEqual({ code: 4413, reason: 'awareness state too large' })
    carol.send(awarenessOf(9002, { user: { name: 'Carol' }, padding: 'x'.repeat(defaults.maxAwarenessStateBytes - 100) }))

    await waitFor(() => bob.provider.awareness.getStates().has(9002), 5000, 'a state just under the limit')
    expect(bob.provider.awareness.getStates().has(9001)).toBe(false)
  })

  test('a participant dragging a sticky (60 updates a second) while moving their cursor (25 a second) is never cut off', async () => {
    const boardId = await createTestBoard(server)
    const alice = participant(boardId)
    const bob = participant(boardId)
    await Promise.all([whenSynced(alice), whenSynced(bob)])
    const aliceCloses = closes(alice)
    alice.stickies.set('dragged', 'Order Placed')
    const sticky = alice.records.get('shape:dragged') as TLShape
    let x = sticky.x
    let sent = 0
    alice.doc.on('update', (_update: Uint8Array, origin: unknown) => origin !== alice.provider && sent++)
    alice.provider.awareness.on('update', (_changes: unknown, origin: unknown) => origin === 'local' && sent++)

    const drag = setInterval(() => alice.records.set(sticky.id, { ...sticky, x: ++x }), 1000 / 60)
    const cursor = setInterval(() => alice.provider.awareness.setLocalStateField('presence', { cursor: { x, y: 0 } }), 1000 / 25)
    await new Promise((resolve) => setTimeout(resolve, 2500))
    clearInterval(drag)
    clearInterval(cursor)

    await waitFor(() => (bob.records.get(sticky.id) as TLShape | undefined)?.x === x, 5000, 'the sticky where Alice dropped it')
    expect(sent).toBeGreaterThan(limits.messageBurst * 5)
    expect(aliceCloses).toEqual([])
  })

  test('a participant bringing back a whole board the server lost (a sync step 2 of several megabytes) gets it through', async () => {
    const boardId = await createTestBoard(server)
    const carol = participant(boardId)
    const carolCloses = closes(carol)
    // Written before its websocket opens, so it travels in one message: Carol's sync step 2.
    writeRecords(carol.doc, { put: Array.from({ length: 2500 }, (_, i) => stickyRecord(`kept-${i}`, 'x'.repeat(2000))) })
    expect(Y.encodeStateAsUpdate(carol.doc).byteLength).toBeGreaterThan(5 * 1024 * 1024)
    await whenSynced(carol)

    const dave = participant(boardId)
    await waitFor(() => dave.stickies.size === 2500, 20_000, 'the whole board at another participant')
    expect(carolCloses).toEqual([])
  })

  test('a hundred participants behind one address all join one board and see each other', async () => {
    const boardId = await createTestBoard(server)
    const people = Array.from({ length: 100 }, () => participant(boardId))
    // A hundred clients share the test's process with the server: on two busy cores joining takes seconds.
    await Promise.all(people.map((person) => whenSynced(person, 45_000)))
    people.forEach((person, i) => person.provider.awareness.setLocalStateField('user', { name: `Person ${i}` }))
    people[0]!.stickies.set('kickoff', 'Workshop Started')

    await waitFor(() => people.every((person) => person.stickies.get('kickoff') === 'Workshop Started' && person.provider.awareness.getStates().size === 100), 30_000, 'everyone to see everyone')
  }, 90_000)
})
