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
  /** Updates this instance published on the board, and how many of them it told peers are stored. */
  published: number
  announced: number
  /** Peers' updates they have not reported stored yet, by instance: rescued if that instance dies first. */
  unstored: Map<string, { seq: number; update: Uint8Array; at: number }[]>
}

/** What the fan-out needs of persistence to make sure an edit some instance accepted is stored once. */
export interface PeerStore {
  /** Resolves once everything this instance accepted so far is in the database. */
  written(): Promise<void>
  /** Stores what of a dead peer's edits the database lacks; resolves whether anything was missing. */
  rescue(boardId: string, update: Uint8Array): Promise<boolean>
}

const channelPrefix = 'eventstorm:board:'
const presencePrefix = 'eventstorm:instance:'
/** An instance renews its presence this often; gone this long, it is taken for dead and its unstored edits are rescued. */
const presenceRenewMs = 1_000
const presenceTtlMs = 3_000
/** A peer's edit not reported stored after this long, while that peer is gone, is stored by those who hold it. */
const rescueAfterMs = 5_000

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
 *
 * An instance killed before writing what it accepted: its peers hold those
 * edits until it reports them stored; once its presence key in Redis has
 * expired, they store what the database lacks ({@link PeerStore.rescue}).
 */
export class RedisFanout implements Hooks {
  readonly instanceId = randomUUID()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly boards = new Map<string, OpenBoard>()
  /** Whether Redis answered last time we heard from it; the log says so once per change. */
  private reachable: boolean | undefined
  private closed = false
  private readonly timers: NodeJS.Timeout[]
  private announcing = false

  constructor(
    url: string,
    private readonly store: PeerStore,
    /** Closes this instance's connections of a role whose links another instance replaced. */
    private readonly revoke: (boardId: string, role: string) => void,
    private readonly log: Logger,
  ) {
    // Redis down: publishing fails at once (the re-sync on its return covers what was missed) instead of queueing without bound.
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: null, lazyConnect: true })
    // Subscriptions are renewed by `maybeBack` once Redis is back, before its sync step 1, so the answers are heard.
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
    this.timers = [
      setInterval(() => void this.renewPresence(), presenceRenewMs),
      setInterval(() => void this.announceStored(), presenceRenewMs),
      setInterval(() => void this.rescueOrphans(), presenceRenewMs),
    ]
    for (const timer of this.timers) timer.unref()
  }

  async onLoadDocument({ boardId, doc, awareness }: { boardId: string; doc: Y.Doc; awareness: awarenessProtocol.Awareness }): Promise<void> {
    const board: OpenBoard = {
      doc,
      awareness,
      published: 0,
      announced: 0,
      unstored: new Map(),
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
    const board = this.boards.get(boardId)
    if (fromPeer || !board) return
    board.published += 1
    this.publish(boardId, { from: this.instanceId, type: 'update', seq: board.published, update })
  }

  async onUnloadDocument({ boardId }: { boardId: string }): Promise<void> {
    const board = this.boards.get(boardId)
    if (!board) return
    board.awareness.off('update', board.onAwareness)
    // Nobody here will hold the peers' unreported edits any more: those of peers gone are stored now.
    await this.untilReportedOrGone(board)
    this.boards.delete(boardId)
    for (const peer of [...board.unstored.keys()]) if (await this.gone(peer)) await this.rescue(boardId, board, peer)
    if (this.online()) await this.subscriber.unsubscribe(channelOf(boardId)).catch(() => undefined)
  }

  /** Tells the instances holding the board that a role's links were replaced, so they close its connections too. */
  revoked(boardId: string, role: string): void {
    // Told even when the board is not open here: the instances that have it open listen.
    this.publish(boardId, { from: this.instanceId, type: 'revoked', role })
  }

  /** Stops talking to Redis; call after the realtime server closed (its boards are unloaded). */
  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers) clearInterval(timer)
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

  private apply(boardId: string, board: OpenBoard, message: PeerMessage): void {
    const { doc, awareness, unstored } = board
    switch (message.type) {
      case 'update':
        Y.applyUpdate(doc, message.update, fromPeers)
        hold(board, message)
        return
      case 'stored': {
        const held = unstored.get(message.from)?.filter((entry) => entry.seq > message.upTo) ?? []
        if (held.length > 0) unstored.set(message.from, held)
        else unstored.delete(message.from)
        return
      }
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(awareness, message.update, fromPeers)
        return
      case 'sync-step-1': {
        if (message.to !== '' && message.to !== this.instanceId) return
        const from = this.instanceId
        this.publish(boardId, { from, type: 'sync-step-2', to: message.from, seq: board.published, update: Y.encodeStateAsUpdate(doc, message.stateVector) })
        if (!message.answerBack) return
        this.publish(boardId, { from, type: 'sync-step-1', to: message.from, answerBack: false, stateVector: Y.encodeStateVector(doc) })
        const clients = [...awareness.getStates().keys()]
        if (clients.length > 0) this.publish(boardId, { from, type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(awareness, clients) })
        return
      }
      case 'revoked':
        this.revoke(boardId, message.role)
        return
      case 'sync-step-2':
        if (message.to !== this.instanceId) return
        Y.applyUpdate(doc, message.update, fromPeers)
        // It may carry what the peer has not written yet (its own edits from before this instance joined).
        hold(board, message)
        return
    }
  }

  private publish(boardId: string, message: PeerMessage): void {
    if (this.publisher.status !== 'ready') return
    // A failed publish is covered by the re-sync once Redis is back; the loss itself is logged by `lost`.
    this.publisher.publish(channelOf(boardId), Buffer.from(encodePeerMessage(message))).catch(() => undefined)
  }

  private async renewPresence(): Promise<void> {
    if (!this.online()) return
    await this.publisher.set(`${presencePrefix}${this.instanceId}`, '1', 'PX', presenceTtlMs).catch(() => undefined)
  }

  /** Tells peers which of this instance's updates are in the database, so they stop holding them. */
  private async announceStored(): Promise<void> {
    if (this.announcing || !this.online()) return
    const due = [...this.boards].filter(([, board]) => board.published > board.announced).map(([boardId, board]) => ({ boardId, board, upTo: board.published }))
    if (due.length === 0) return
    this.announcing = true
    try {
      await this.store.written()
      for (const { boardId, board, upTo } of due) {
        board.announced = upTo
        this.publish(boardId, { from: this.instanceId, type: 'stored', upTo })
      }
    } finally {
      this.announcing = false
    }
  }

  /** Peers that went away with edits they never reported stored: those edits are stored here, once. */
  private async rescueOrphans(): Promise<void> {
    if (!this.online()) return
    const now = Date.now()
    for (const [boardId, board] of this.boards) {
      for (const [peer, held] of board.unstored) {
        if (now - held[0]!.at < rescueAfterMs) continue
        if (await this.gone(peer)) await this.rescue(boardId, board, peer)
      }
    }
  }

  /**
   * Waits until each peer has reported stored what this instance holds of it
   * now, or is gone. A peer that just died still looks present until its
   * presence expires: without the wait, an instance unloading the board (or
   * stopping) meanwhile would drop the only copy of that peer's unwritten
   * edits. At most as long as a presence outlives its instance.
   */
  private async untilReportedOrGone(board: OpenBoard): Promise<void> {
    const holding = [...board.unstored].map(([peer, held]) => ({ peer, upTo: held.at(-1)!.seq }))
    const deadline = Date.now() + presenceTtlMs + presenceRenewMs
    while (this.online() && Date.now() < deadline) {
      const waiting = holding.filter(({ peer, upTo }) => (board.unstored.get(peer)?.[0]?.seq ?? Infinity) <= upTo)
      if (waiting.length === 0) return
      if ((await Promise.all(waiting.map(({ peer }) => this.gone(peer)))).every(Boolean)) return
      await new Promise((resolve) => setTimeout(resolve, presenceRenewMs / 4))
    }
  }

  /** Whether a peer's presence has expired; unsure (Redis unreachable) counts as present, so nothing is written twice. */
  private async gone(peer: string): Promise<boolean> {
    if (!this.online()) return false
    return (await this.publisher.exists(`${presencePrefix}${peer}`).catch(() => 1)) === 0
  }

  private async rescue(boardId: string, board: OpenBoard, peer: string): Promise<void> {
    const held = board.unstored.get(peer)
    if (!held) return
    board.unstored.delete(peer)
    try {
      if (await this.store.rescue(boardId, Y.mergeUpdates(held.map((entry) => entry.update)))) {
        this.log.warn(`board ${boardId}: stored edits that instance ${peer} accepted but had not written`)
      }
    } catch (error) {
      // Retried while the board is open here; once it is unloaded, no one here holds them any more.
      const open = this.boards.get(boardId) === board
      this.log.error(`board ${boardId}: storing edits of instance ${peer} failed${open ? ', will retry' : ''}`, error)
      if (open) board.unstored.set(peer, [...held, ...(board.unstored.get(peer) ?? [])])
    }
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
    void this.renewPresence()
    this.log.info(first ? 'Redis reachable: live updates are shared with other instances' : `Redis is back: re-syncing ${this.boards.size} open board(s) with other instances`)
    for (const boardId of this.boards.keys()) void this.join(boardId)
  }
}

/** Keeps a peer's update until that peer reports it stored (`seq`: the peer's count of its updates once this one is in). */
function hold(board: OpenBoard, { from, seq, update }: { from: string; seq: number; update: Uint8Array }): void {
  const held = board.unstored.get(from) ?? []
  held.push({ seq, update, at: Date.now() })
  board.unstored.set(from, held)
}

function channelOf(boardId: string): string {
  return `${channelPrefix}${boardId}`
}
