import { connect, type Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { RunningServer } from '../app.ts'
import { closeOf, openSocket } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'
import { encodeSyncStep1 } from './protocol.ts'

/**
 * How many websockets may be open, and how long a client may take to open
 * one, as an attacker on the same network would probe them: many sockets
 * from one machine, many on one board, requests that never finish. Every
 * client here comes from an address of its own among 127.x.y.z.
 */
describe('opening connections', () => {
  const limits = { maxConnectionsPerBoard: 3, maxConnectionsPerAddress: 2, handshakeTimeoutMs: 500 }
  let server: RunningServer
  const sockets: WebSocket[] = []
  const raw: Socket[] = []
  let lastAddress = 1
  const freshAddress = () => `127.0.0.${++lastAddress}`
  const path = (boardId: string, token = testToken(boardId)) => `/yjs/${boardId}?token=${token}`

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite' }, limits)
  })
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.terminate()
    for (const socket of raw.splice(0)) socket.destroy()
    vi.restoreAllMocks()
  })
  afterAll(async () => {
    await server.close()
  })

  async function answerFrom(localAddress: string, boardId: string) {
    const answer = await openSocket(server.port, path(boardId), { localAddress })
    if (answer.socket) sockets.push(answer.socket)
    return answer
  }

  /** A websocket that opens and says what y-websocket says first (sync step 1), then stays. */
  async function connectFrom(localAddress: string, boardId: string): Promise<WebSocket> {
    const { status, socket } = await answerFrom(localAddress, boardId)
    expect(status).toBe(101)
    socket!.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    return socket!
  }

  /** A TCP connection that sends `text` and never hangs up by itself; resolves with what the server answered once the server is done with it. */
  function sendAndHold(localAddress: string, text: string): Promise<string> {
    const socket = connect({ port: server.port, host: '127.0.0.1', localAddress, allowHalfOpen: true })
    raw.push(socket)
    socket.write(text)
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    return new Promise((resolve) => socket.once('end', () => resolve(answer)))
  }

  test('the connection one past a board’s limit is refused with 429, from any address, and gets in once someone leaves', async () => {
    const boardId = await createTestBoard(server)
    const first = freshAddress()
    const open = [await connectFrom(first, boardId), await connectFrom(first, boardId), await connectFrom(freshAddress(), boardId)]
    const late = freshAddress()

    expect(await answerFrom(late, boardId)).toEqual({ status: 429, body: 'too many connections to this board\n' })
    expect((await answerFrom(late, await createTestBoard(server))).status).toBe(101)

    const left = closeOf(open[0]!)
    open[0]!.close()
    await left
    await expect.poll(async () => (await answerFrom(late, boardId)).status, { timeout: 5000 }).toBe(101)
  })

  test('the connection one past an address’s limit is refused with 429 on any board, before that board is loaded', async () => {
    const crowded = freshAddress()
    const boardId = await createTestBoard(server)
    await connectFrom(crowded, boardId)
    await connectFrom(crowded, boardId)
    const other = await createTestBoard(server)
    const loads = vi.spyOn(server.persistence, 'onLoadDocument')

    expect(await answerFrom(crowded, other)).toEqual({ status: 429, body: 'too many connections from this address\n' })
    expect(loads).not.toHaveBeenCalled()
    expect(server.realtime.openBoardIds).not.toContain(other)
    expect((await answerFrom(freshAddress(), other)).status).toBe(101)
  })

  test('two hundred upgrades at once from one address open no more than its limit, and load the board once', async () => {
    const boardId = await createTestBoard(server)
    const loads = vi.spyOn(server.persistence, 'onLoadDocument')
    const address = freshAddress()

    const answers = await Promise.all(Array.from({ length: 200 }, () => answerFrom(address, boardId)))

    expect(answers.filter((answer) => answer.status === 101)).toHaveLength(limits.maxConnectionsPerAddress)
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(200 - limits.maxConnectionsPerAddress)
    expect(loads).toHaveBeenCalledTimes(1)
  })

  test('an upgrade refused for another reason gives its slot back, even when its client never hangs up', async () => {
    const boardId = await createTestBoard(server)
    const address = freshAddress()
    const forged = `GET ${path(boardId, 'forged')} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\n\r\n`

    for (let i = 0; i < limits.maxConnectionsPerAddress + 1; i++) expect(await sendAndHold(address, forged)).toMatch(/^HTTP\/1.1 401 /)

    await expect.poll(async () => (await answerFrom(address, boardId)).status, { timeout: 5000 }).toBe(101)
  })

  test('a request that never finishes its headers, or never starts, is answered 408 and dropped after the handshake timeout', async () => {
    const started = Date.now()
    const answers = await Promise.all([
      sendAndHold(freshAddress(), 'GET /yjs/Board1234567 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n'),
      sendAndHold(freshAddress(), ''),
    ])
    const elapsed = Date.now() - started

    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1.1 408 /)
    expect(elapsed).toBeGreaterThanOrEqual(limits.handshakeTimeoutMs)
    // Node checks for late requests at most every second.
    expect(elapsed).toBeLessThan(limits.handshakeTimeoutMs + 1000 + 500)
  })

  test('a websocket that says nothing is closed after the handshake timeout with a code to come back; one that spoke stays', async () => {
    const boardId = await createTestBoard(server)
    const speaker = await connectFrom(freshAddress(), boardId)
    const { socket: silent } = await answerFrom(freshAddress(), boardId)
    const started = Date.now()

    expect(await closeOf(silent!)).toEqual({ code: 4504, reason: 'handshake timeout' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(limits.handshakeTimeoutMs - 50)
    expect(speaker.readyState).toBe(WebSocket.OPEN)
  })
})
