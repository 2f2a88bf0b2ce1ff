import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { waitFor } from '../testing/clients.ts'
import { coalesceWritesThisTurn } from './writeCoalescing.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A server-side websocket and the client at the other end, recording what the client receives. */
async function pair(): Promise<{ server: WebSocket; received: string[]; chunks: () => number }> {
  const http = createServer()
  const wss = new WebSocketServer({ server: http })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`)
  const received: string[] = []
  let chunks = 0
  client.on('message', (data) => received.push(data.toString()))
  await new Promise((resolve) => client.once('open', resolve))
  ;(client as unknown as { _socket: NodeJS.EventEmitter })._socket.prependListener('data', () => chunks++)
  cleanups.push(() => {
    client.terminate()
    wss.close()
    http.close()
  })
  return { server: await accepted, received, chunks: () => chunks }
}

test('messages sent to a client in one turn all arrive, in order, as separate messages', async () => {
  const { server, received } = await pair()
  const sent = Array.from({ length: 200 }, (_, i) => `update ${i}`)
  for (const message of sent) {
    coalesceWritesThisTurn(server)
    server.send(message)
  }
  await waitFor(() => received.length === sent.length, 5_000, 'every message')
  expect(received).toEqual(sent)
})

test('what is sent in one turn leaves together, and a message sent later is not held back', async () => {
  const { server, received, chunks } = await pair()
  for (let i = 0; i < 50; i++) {
    coalesceWritesThisTurn(server)
    server.send(`cursor ${i}`)
  }
  await waitFor(() => received.length === 50, 5_000, 'the first turn')
  // Fifty frames of a few bytes fit one TCP segment once they are written together.
  expect(chunks()).toBe(1)
  coalesceWritesThisTurn(server)
  server.send('edit')
  await waitFor(() => received.length === 51, 5_000, 'a message of a later turn')
})
