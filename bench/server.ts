/**
 * One sync server for bench/sync.ts, in a process of its own so that its
 * memory figures are the server's alone. Run with `--expose-gc` as an IPC
 * child: argv[2] is `ours` (our server over a temporary PGlite, production
 * write interval) or `reference` (@y/websocket-server without persistence).
 * It sends `ready` once listening, answers `stats` (memory, CPU time used so
 * far), and shuts down on `stop`
 * or when the parent goes away.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import { readConfig } from '../lib/config.ts'
import { createTestDatabase } from '../lib/db/testing.ts'
import { createTestBoard, startTestServer, testToken } from '../server/testing/servers.ts'

export type ServerKind = 'ours' | 'reference'
export type ToServer = { type: 'stats' } | { type: 'stop' }
export type Stats = { type: 'stats'; rss: number; heapUsed: number; cpuMicros: number }
/** `token` is a participant's; the reference server takes any. */
export type FromServer = { type: 'ready'; port: number; boardId: string; token: string } | Stats

interface Running {
  port: number
  boardId: string
  token: string
  close(): Promise<void>
}

async function startOurs(): Promise<Running> {
  const database = await createTestDatabase('pglite')
  const server = await startTestServer(database.target, { writeIntervalMs: readConfig({}).writeIntervalMs })
  const boardId = await createTestBoard(server, 'Bench board')
  return {
    port: server.port,
    boardId,
    token: testToken(boardId),
    close: async () => {
      await server.close()
      await database.drop()
    },
  }
}

async function startReference(): Promise<Running> {
  // As the package's own bin/server does: every upgrade becomes a connection.
  const wss = new WebSocketServer({ noServer: true })
  const http = createServer((_request, response) => response.writeHead(404).end())
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request))
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return {
    port: (http.address() as AddressInfo).port,
    boardId: 'bench-board',
    token: '',
    close: async () => {
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      http.closeAllConnections()
      await new Promise((resolve) => http.close(resolve))
    },
  }
}

function send(message: FromServer): void {
  process.send?.(message)
}

const kind = process.argv[2] as ServerKind
const running = await (kind === 'ours' ? startOurs() : startReference())

let stopping: Promise<void> | undefined
const stop = () => {
  stopping ??= running.close().finally(() => process.exit(0))
}
process.on('disconnect', stop)
process.on('message', (message: ToServer) => {
  if (message.type === 'stop') stop()
  else if (message.type === 'stats') {
    // A full collection first, so heapUsed is what the server keeps, not garbage waiting to go.
    globalThis.gc?.()
    const { rss, heapUsed } = process.memoryUsage()
    const { user, system } = process.cpuUsage()
    send({ type: 'stats', rss, heapUsed, cpuMicros: user + system })
  }
})
send({ type: 'ready', port: running.port, boardId: running.boardId, token: running.token })
