/**
 * One sync server for bench/sync.ts, in a process of its own so that its CPU
 * and memory figures are the server's alone. Run with `--expose-gc` as an IPC
 * child: argv[2] is `ours` (our realtime server, configured from the
 * environment as in production: DATA_DIR or DATABASE_URL, SECRET, REDIS_URL,
 * MAX_CONNECTIONS_PER_ADDRESS…; the database already migrated) or `reference`
 * (@y/websocket-server without persistence). It sends `ready` once listening,
 * answers `stats` (memory, CPU time used so far), and shuts down on `stop` or
 * when the parent goes away.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import { readConfig } from '../lib/config.ts'
import { openDatabase, targetFromConfig } from '../lib/db/client.ts'
import { startServer } from '../server/app.ts'

export type ServerKind = 'ours' | 'reference'
export type ToServer = { type: 'stats' } | { type: 'stop' }
export type Stats = { type: 'stats'; rss: number; heapUsed: number; cpuMicros: number }
export type FromServer = { type: 'ready'; port: number } | Stats

interface Running {
  port: number
  close(): Promise<void>
}

async function startOurs(): Promise<Running> {
  const config = { ...readConfig(), port: 0, host: '127.0.0.1' }
  const server = await startServer({ config, database: await openDatabase(targetFromConfig(config)), web: false })
  return { port: server.port, close: () => server.close() }
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
send({ type: 'ready', port: running.port })
