import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { linkKeyFrom, setLinkKey } from '../lib/auth/linkKey.ts'
import { setLiveBoards } from '../lib/boards/liveBoards.ts'
import type { Config } from '../lib/config.ts'
import { type Database, setDatabase } from '../lib/db/client.ts'
import { migrate } from '../lib/db/migrate.ts'
import { consoleLogger } from '../lib/logger.ts'
import { LinkAuthentication } from './access/linkAuthentication.ts'
import { AuditTrail } from './history/auditTrail.ts'
import { BoardHistory } from './history/boardHistory.ts'
import { BoardIntegrity } from './integrity/boardIntegrity.ts'
import { guardRequest, guardUpgrade } from './guard.ts'
import { DatabasePersistence } from './persistence/databasePersistence.ts'
import { closeCodes } from './realtime/connection.ts'
import { type RealtimeOptions, RealtimeServer } from './realtime/realtimeServer.ts'
import { RedisFanout } from './realtime/redisFanout.ts'

export interface StartOptions {
  config: Config
  database: Database
  /** Serve the Next.js app too; off for tests that only need the websocket endpoint. */
  web: false | { dev: boolean }
}

export interface RunningServer {
  server: Server
  database: Database
  realtime: RealtimeServer
  persistence: DatabasePersistence
  port: number
  close(): Promise<void>
}

/**
 * One process: the Next.js app and the realtime endpoint on one HTTP server,
 * over one database whose migrations are applied first.
 */
export async function startServer({ config, database, web }: StartOptions): Promise<RunningServer> {
  const applied = await migrate(database)
  if (applied.length > 0) console.log(`applied migrations: ${applied.join(', ')}`)
  setDatabase(database)
  const linkKey = linkKeyFrom(config)
  setLinkKey(linkKey)

  const log = consoleLogger
  const persistence = new DatabasePersistence(database, config.writeIntervalMs)
  const audit = new AuditTrail(database, log)
  const revoke = (boardId: string, role: string) => realtime.disconnect(boardId, role, closeCodes.revoked, 'link revoked')
  const fanout = config.redisUrl ? new RedisFanout(config.redisUrl, persistence, revoke, log) : undefined
  const realtime = new RealtimeServer({
    // In this order: who may connect; the stored board; its schema and the checks of every update;
    // versions (of what passed the checks); the audit log; the other instances (last, so they are
    // asked for what they hold once the stored board is loaded).
    hooks: [
      new LinkAuthentication(database, linkKey),
      persistence,
      new BoardIntegrity({ maxRecords: config.maxBoardRecords }, log),
      new BoardHistory(database, { versionIntervalMs: config.versionIntervalMs }, log),
      audit,
      ...(fanout ? [fanout] : []),
    ],
    log,
    unloadDelayMs: config.unloadDelayMs,
    ...realtimeLimits(config),
  })

  setLiveBoards({
    doc: (boardId) => realtime.liveDoc(boardId),
    change: (boardId, actor, work) => realtime.change(boardId, actor, work),
    disconnect: (boardId, role) => {
      revoke(boardId, role)
      fanout?.revoked(boardId, role)
    },
  })

  const handleWeb = web ? await prepareNext(web.dev, config) : undefined
  const guard = { allowedOrigins: config.allowedOrigins, dev: web && web.dev }
  const server = createServer(slowRequestTimeouts(config), (request, response) => {
    if (!guardRequest(request, response, guard)) return
    if (handleWeb) return void handleWeb(request, response)
    response.writeHead(404).end()
  })
  server.on('upgrade', (request, socket, head) => {
    if (RealtimeServer.handles(request)) {
      if (guardUpgrade(request, socket, guard)) void realtime.handleUpgrade(request, socket, head)
    }
    // Next registers its own upgrade listener for hot reload in development.
    else if (!web || !web.dev) socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, resolve)
  })

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise((resolve) => server.close(resolve))
      await realtime.close()
      await fanout?.close()
      await persistence.flush()
      await audit.flush()
      server.closeAllConnections()
      await stopped
      await database.close()
    })()
    return closing
  }
  return { server, database, realtime, persistence, port: (server.address() as AddressInfo).port, close }
}

/** What each websocket may send and how many may be open, as configured. */
export function realtimeLimits(config: Config): Pick<RealtimeOptions, 'maxMessageBytes' | 'connectionLimits' | 'maxConnectionsPerBoard' | 'maxConnectionsPerAddress'> {
  return {
    maxMessageBytes: config.maxMessageBytes,
    connectionLimits: {
      messages: { perSecond: config.maxMessagesPerSecond, burst: config.messageBurst },
      bytes: { perSecond: config.maxBytesPerSecond, burst: config.byteBurst },
      maxAwarenessStateBytes: config.maxAwarenessStateBytes,
      handshakeTimeoutMs: config.handshakeTimeoutMs,
    },
    maxConnectionsPerBoard: config.maxConnectionsPerBoard,
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
  }
}

/**
 * A client sending its request headers slowly, or not at all (slowloris),
 * is answered 408 and dropped after the handshake timeout. Node looks for
 * such requests only every `connectionsCheckingInterval` (30 s by default).
 */
function slowRequestTimeouts(config: Config) {
  return { headersTimeout: config.handshakeTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.handshakeTimeoutMs) }
}

async function prepareNext(dev: boolean, config: Config) {
  const { default: next } = await import('next')
  const app = next({ dev, hostname: config.host, port: config.port })
  await app.prepare()
  return app.getRequestHandler()
}

/** Ctrl-C and SIGTERM save every open board before the process exits. */
export function closeOnSignals(running: RunningServer): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: saving open boards and stopping…`)
      running.close().then(
        () => process.exit(0),
        (error) => {
          console.error('shutdown failed:', error)
          process.exit(1)
        },
      )
    })
  }
}
