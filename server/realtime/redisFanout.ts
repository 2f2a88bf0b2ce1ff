import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../../lib/logger.ts'
import { type Hooks, fromPeers } from './hooks.ts'
import { type PeerMessage, decodePeerMessage, encodePeerMessage } from './peerMessages.ts'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

interface OpenBoard {
  doc: Y.Doc
  awareness: awarenessProtocol.Awareness
  onAwareness(change: AwarenessChange, origin: unknown): void
}

const channelPrefix = 'eventstorm:board:'

/**
 * Carries live edits and awareness between instances that serve the same
 * boards, through Redis pub/sub: one channel per open board (the model of
 * Hocuspocus's Redis extension). Every change this instance accepted, from
 * its clients or its own server-side edits, is published; what peers publish
 * is applied with the {@link fromPeers} origin, so it reaches this instance's
 * clients but is neither published again nor stored (the instance that
 * accepted an update stores it). An instance that opens a board, or gets
 * Redis back after losing it, asks its peers for what it lacks (sync step 1
 * with its state vector) and tells them what they lack.
 *
 * Redis down does not stop the instance: it keeps serving its own clients,
 * logs the loss once and the return once, and then re-syncs every open board.
 */
export class RedisFanout implements Hooks {
  readonly instanceId = randomUUID()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly boards = new Map<string, OpenBoard>()
  /** Whether Redis answered last time we heard from it; the log says so once per change. */
  private reachable: boolean | undefined
  private closed = false

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    // Redis down: publishing fails at once (the re-sync on its return covers what was missed) instead of queueing without bound.
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: null, lazyConnect: true })
    // Subscriptions are renewed by `resync` once Redis is back, so the answers to its sync step 1 are heard.
    this.subscriber = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: null, autoResubscribe: false, lazyConnect: true })
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.lost(error))
      connection.on('close', () => this.lost())
      connection.on('ready', () => this.maybeBack())
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message))
    // Connection errors are reported through the events above; the retry strategy keeps trying.
    void this.publisher.connect().catch(() => undefined)
    void this.subscriber.connect().catch(() => undefined)
  }

  async onLoadDocument({ boardId, doc, awareness }: { boardId: string; doc: Y.Doc; awareness: awarenessProtocol.Awareness }): Promise<void> {
    const board: OpenBoard = {
      doc,
      awareness,
      onAwareness: ({ added, updated, removed }, origin) => {
        // Peers time out states themselves; a state timed out here may be alive elsewhere.
        if (origin === fromPeers || origin === 'timeout') return
        const changed = [...added, ...updated, ...removed]
        if (changed.length > 0) this.publish(boardId, { from: this.instanceId, type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(awareness, changed) })
      },
    }
    awareness.on('update', board.onAwareness)
    this.boards.set(boardId, board)
    // Not awaited: with Redis down the board opens all the same, and is synced when Redis is back.
    if (this.online()) void this.join(boardId)
  }

  onChange({ boardId, update, fromPeer }: { boardId: string; update: Uint8Array; fromPeer: boolean }): void {
    if (fromPeer || !this.boards.has(boardId)) return
    this.publish(boardId, { from: this.instanceId, type: 'update', update })
  }

  async onUnloadDocument({ boardId }: { boardId: string }): Promise<void> {
    const board = this.boards.get(boardId)
    if (!board) return
    board.awareness.off('update', board.onAwareness)
    this.boards.delete(boardId)
    if (this.online()) await this.subscriber.unsubscribe(channelOf(boardId)).catch(() => undefined)
  }

  /** Stops talking to Redis; call after the realtime server closed (its boards are unloaded). */
  async close(): Promise<void> {
    this.closed = true
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  /** Subscribes to the board's channel, then asks the peers for what this instance lacks. */
  private async join(boardId: string): Promise<void> {
    try {
      await this.subscriber.subscribe(channelOf(boardId))
    } catch {
      return // Redis went away meanwhile: `resync` joins again when it is back.
    }
    const board = this.boards.get(boardId)
    if (board) this.publish(boardId, { from: this.instanceId, type: 'sync-step-1', to: '', answerBack: true, stateVector: Y.encodeStateVector(board.doc) })
  }

  private receive(channel: string, data: Buffer): void {
    if (!channel.startsWith(channelPrefix)) return
    const boardId = channel.slice(channelPrefix.length)
    const board = this.boards.get(boardId)
    if (!board) return
    let message: PeerMessage
    try {
      message = decodePeerMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    } catch (error) {
      this.log.warn(`board ${boardId}: ignored a malformed message from Redis`, error)
      return
    }
    if (message.from === this.instanceId) return
    try {
      this.apply(boardId, board, message)
    } catch (error) {
      this.log.error(`board ${boardId}: a message from instance ${message.from} failed`, error)
    }
  }

  private apply(boardId: string, { doc, awareness }: OpenBoard, message: PeerMessage): void {
    switch (message.type) {
      case 'update':
        Y.applyUpdate(doc, message.update, fromPeers)
        return
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(awareness, message.update, fromPeers)
        return
      case 'sync-step-1': {
        if (message.to !== '' && message.to !== this.instanceId) return
        const from = this.instanceId
        this.publish(boardId, { from, type: 'sync-step-2', to: message.from, update: Y.encodeStateAsUpdate(doc, message.stateVector) })
        if (!message.answerBack) return
        this.publish(boardId, { from, type: 'sync-step-1', to: message.from, answerBack: false, stateVector: Y.encodeStateVector(doc) })
        const clients = [...awareness.getStates().keys()]
        if (clients.length > 0) this.publish(boardId, { from, type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(awareness, clients) })
        return
      }
      case 'sync-step-2':
        if (message.to === this.instanceId) Y.applyUpdate(doc, message.update, fromPeers)
        return
    }
  }

  private publish(boardId: string, message: PeerMessage): void {
    if (this.publisher.status !== 'ready') return
    // A failed publish is covered by the re-sync once Redis is back; the loss itself is logged by `lost`.
    this.publisher.publish(channelOf(boardId), Buffer.from(encodePeerMessage(message))).catch(() => undefined)
  }

  private online(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  private lost(error?: Error): void {
    if (this.closed || this.reachable === false) return
    this.reachable = false
    this.log.warn(
      `Redis is unreachable${error ? ` (${error.message})` : ''}: this instance keeps serving its own clients; edits and cursors from other instances resume when it is back`,
    )
  }

  /** Both connections ready again: every open board is subscribed anew and synced with the peers. */
  private maybeBack(): void {
    if (this.closed || !this.online()) return
    const first = this.reachable === undefined
    this.reachable = true
    this.log.info(first ? 'Redis reachable: live updates are shared with other instances' : `Redis is back: re-syncing ${this.boards.size} open board(s) with other instances`)
    for (const boardId of this.boards.keys()) void this.join(boardId)
  }
}

function channelOf(boardId: string): string {
  return `${channelPrefix}${boardId}`
}
