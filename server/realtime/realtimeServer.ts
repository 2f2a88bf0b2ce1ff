import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type * as Y from 'yjs'
import { isBoardId } from '../../lib/boards/boardId.ts'
import { type Logger, consoleLogger } from '../../lib/logger.ts'
import { Connection, type ConnectionLimits, closeCodes } from './connection.ts'
import { ConnectionSlots } from './connectionSlots.ts'
import { BoardDocument } from './document.ts'
import { type ConnectionInfo, type ConnectionRights, type Hooks, Refusal, anonymousRights, fromPeers, isConnectionInfo } from './hooks.ts'

export interface RealtimeOptions {
  hooks: Hooks[]
  log?: Logger
  /** An open board with no clients leaves memory after this long. */
  unloadDelayMs: number
  maxMessageBytes: number
  /** What each connection may send, and how fast. */
  connectionLimits: ConnectionLimits
  /** Websockets open or opening at once, on one board and from one remote address; more are refused with 429. */
  maxConnectionsPerBoard: number
  maxConnectionsPerAddress: number
  maxBufferedBytes?: number
  heartbeatMs?: number
}

export const realtimePathPrefix = '/yjs/'

/**
 * The registry of open boards and the websocket endpoint `/yjs/<boardId>`.
 * A board is loaded (through the hooks) before its websocket upgrade
 * completes, so no client ever syncs against an empty document, and it is
 * unloaded some time after its last client leaves.
 */
export class RealtimeServer {
  /** Boards loading or loaded, so concurrent clients share one load. */
  private readonly documents = new Map<string, Promise<BoardDocument>>()
  private readonly loaded = new Map<string, BoardDocument>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly wss: WebSocketServer
  private readonly slots: ConnectionSlots
  private readonly heartbeat: NodeJS.Timeout
  private closed = false
  private readonly log: Logger

  constructor(private readonly options: RealtimeOptions) {
    this.log = options.log ?? consoleLogger
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
    this.slots = new ConnectionSlots({ perBoard: options.maxConnectionsPerBoard, perAddress: options.maxConnectionsPerAddress })
    this.heartbeat = setInterval(() => {
      for (const document of this.loaded.values()) for (const connection of document.connections) connection.heartbeat()
    }, options.heartbeatMs ?? 30_000)
    this.heartbeat.unref()
  }

  /** Whether an upgrade request is for this endpoint; other upgrades (Next's HMR) are left alone. */
  static handles(request: IncomingMessage): boolean {
    return (request.url ?? '').startsWith(realtimePathPrefix)
  }

  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy())
    try {
      if (this.closed) throw new Refusal(503, 'server shutting down')
      const boardId = parseBoardId(request.url ?? '')
      // Taken before any await, so upgrades in flight count; given back when the socket is gone, however it ends.
      socket.once('close', this.slots.take(boardId, request.socket.remoteAddress ?? ''))
      const rights = await this.authenticate(boardId, request)
      const document = await this.open(boardId)
      if (socket.destroyed) {
        this.scheduleUnloadIfIdle(document)
        return
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, document, rights, request.socket.remoteAddress))
    } catch (error) {
      if (error instanceof Refusal) return refuse(socket, error.status, error.message)
      this.log.error('websocket upgrade failed:', error)
      refuse(socket, 500, 'internal error')
    }
  }

  private async authenticate(boardId: string, request: IncomingMessage): Promise<ConnectionRights> {
    let rights = anonymousRights
    for (const hooks of this.options.hooks) {
      const granted = await hooks.onAuthenticate?.({ boardId, request })
      if (granted) rights = { role: granted.role, readOnly: rights.readOnly || granted.readOnly }
    }
    return rights
  }

  private accept(ws: WebSocket, document: BoardDocument, rights: ConnectionRights, address: string | undefined): void {
    const connection = new Connection(ws, document.boardId, rights, this.options.maxBufferedBytes ?? 64 * 1024 * 1024, this.options.connectionLimits)
    this.cancelUnload(document.boardId)
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary || !(data instanceof Buffer)) {
        connection.close(closeCodes.protocolError, 'binary messages only')
        return
      }
      if (!connection.admit(data.byteLength)) return
      document.receive(connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    })
    ws.on('error', () => ws.terminate())
    ws.on('close', () => {
      this.depart(document, connection)
      this.scheduleUnloadIfIdle(document)
    })
    document.addConnection(connection)
    for (const hooks of this.options.hooks) hooks.onConnect?.({ boardId: document.boardId, connection, address })
  }

  /** A connection leaves its board once, whether its socket closed or the server is shutting down. */
  private depart(document: BoardDocument, connection: Connection): void {
    if (!document.removeConnection(connection)) return
    for (const hooks of this.options.hooks) hooks.onDisconnect?.({ boardId: document.boardId, connection })
  }

  /** The loaded document, loading it first if needed; one load per board however many clients race. */
  open(boardId: string): Promise<BoardDocument> {
    let document = this.documents.get(boardId)
    if (!document) {
      document = this.load(boardId)
      this.documents.set(boardId, document)
      document.catch(() => this.documents.delete(boardId))
    }
    return document
  }

  private async load(boardId: string): Promise<BoardDocument> {
    await this.unloading.get(boardId)
    const document = new BoardDocument(
      boardId,
      (update, origin) => {
        const author = isConnectionInfo(origin) ? origin : undefined
        const fromPeer = origin === fromPeers
        for (const hooks of this.options.hooks) hooks.onChange?.({ boardId, doc: document.doc, update, author, fromPeer })
      },
      (payload) => {
        for (const hooks of this.options.hooks) hooks.beforeApplyUpdate?.(payload)
      },
      this.log,
    )
    try {
      const stored: Uint8Array[] = []
      for (const hooks of this.options.hooks) stored.push(...((await hooks.onFetchDocument?.({ boardId })) ?? []))
      document.restore(stored)
      for (const hooks of this.options.hooks) await hooks.onLoadDocument?.({ boardId, doc: document.doc, awareness: document.awareness })
    } catch (error) {
      document.destroy()
      throw error
    }
    this.loaded.set(boardId, document)
    return document
  }

  private scheduleUnloadIfIdle(document: BoardDocument): void {
    if (document.connections.size > 0 || this.closed) return
    this.cancelUnload(document.boardId)
    const timer = setTimeout(() => void this.unload(document), this.options.unloadDelayMs)
    timer.unref()
    this.unloadTimers.set(document.boardId, timer)
  }

  private cancelUnload(boardId: string): void {
    clearTimeout(this.unloadTimers.get(boardId))
    this.unloadTimers.delete(boardId)
  }

  private async unload(document: BoardDocument): Promise<void> {
    const { boardId } = document
    this.unloadTimers.delete(boardId)
    if (document.connections.size > 0) return
    this.documents.delete(boardId)
    this.loaded.delete(boardId)
    const done = this.runUnloadHooks(document).finally(() => {
      document.destroy()
      this.unloading.delete(boardId)
    })
    this.unloading.set(boardId, done)
    await done
  }

  private async runUnloadHooks(document: BoardDocument): Promise<void> {
    for (const hooks of this.options.hooks) {
      try {
        await hooks.onUnloadDocument?.({ boardId: document.boardId, doc: document.doc })
      } catch (error) {
        this.log.error(`unloading board ${document.boardId} failed:`, error)
      }
    }
  }

  /**
   * Changes a board as `author` (e.g. a facilitator restoring a version over
   * HTTP): loaded first if needed, changed in one transaction, saved and sent
   * to everyone like any edit, unloaded later if nobody is on it.
   */
  async change(boardId: string, author: ConnectionInfo, work: (doc: Y.Doc) => void): Promise<void> {
    if (this.closed) throw new Refusal(503, 'server shutting down')
    const document = await this.open(boardId)
    try {
      document.doc.transact(() => work(document.doc), author)
    } finally {
      this.scheduleUnloadIfIdle(document)
    }
  }

  /** The document of a board in memory now, if any. */
  liveDoc(boardId: string): Y.Doc | undefined {
    return this.loaded.get(boardId)?.doc
  }

  /** Closes the board's open connections whose role is given, e.g. after that role's links were revoked. */
  disconnect(boardId: string, role: string, code: number, reason: string): number {
    const document = this.loaded.get(boardId)
    let closed = 0
    for (const connection of document?.connections ?? []) {
      if (connection.rights.role !== role) continue
      connection.close(code, reason)
      closed++
    }
    return closed
  }

  /** Ids of the boards in memory now. */
  get openBoardIds(): string[] {
    return [...this.documents.keys()]
  }

  /** Closes every connection and unloads every board through the hooks (which flush). */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.heartbeat)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    await Promise.allSettled(this.documents.values())
    const unloads: Promise<void>[] = [...this.unloading.values()]
    for (const document of this.loaded.values()) {
      for (const connection of [...document.connections]) {
        connection.close(closeCodes.shuttingDown, 'server shutting down')
        this.depart(document, connection)
      }
      unloads.push(this.unload(document))
    }
    await Promise.all(unloads)
    this.wss.close()
  }
}

function parseBoardId(url: string): string {
  const path = url.slice(realtimePathPrefix.length).split('?')[0] ?? ''
  let boardId: string
  try {
    boardId = decodeURIComponent(path)
  } catch {
    throw new Refusal(400, 'malformed board id')
  }
  if (!isBoardId(boardId)) throw new Refusal(400, 'malformed board id')
  return boardId
}

/** Answers a refused upgrade and closes its socket once the answer is out, even if the client never closes its side. */
export function refuse(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return
  const body = `${message}\n`
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function statusText(status: number): string {
  return (
    { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' }[
      status
    ] ?? 'Error'
  )
}
