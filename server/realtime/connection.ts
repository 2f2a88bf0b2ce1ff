import type { WebSocket } from 'ws'
import { randomUUID } from 'node:crypto'
import type { ConnectionInfo, ConnectionRights } from './hooks.ts'
import { type Rate, TokenBucket } from './tokenBucket.ts'
import { coalesceWritesThisTurn } from './writeCoalescing.ts'

/**
 * Close codes sent to clients. y-websocket clients (3.1+) stop reconnecting
 * on 4400–4499, so those mean "retrying will not help"; 45xx mean "closed
 * for now, come back".
 */
export const closeCodes = {
  tooLarge: 1009,
  shuttingDown: 1001,
  protocolError: 4400,
  /** The link the connection was opened with no longer works (rotated). */
  revoked: 4401,
  /** The connection sent what its role or the board's rules forbid. */
  forbidden: 4403,
  /** Its awareness state is over the limit: sending it again would fail again. */
  stateTooLarge: 4413,
  /** It said nothing after opening. 45xx: a client whose first message was merely late comes back by itself. */
  handshakeTimeout: 4504,
  slowConsumer: 4508,
  /**
   * It sent more messages or bytes than its rate allows. 45xx: an honest
   * client that got there by accident reconnects and resyncs its edits, where
   * 44xx would leave it offline until a reload; an attacker reconnects
   * whatever the code says, and pays an upgrade and a slot each time.
   */
  tooFast: 4529,
  internalError: 1011,
} as const

/** What one connection may send; past any of these it is closed. */
export interface ConnectionLimits {
  /** Every frame it sends counts, pings included. */
  messages: Rate
  /** Counted before a message is decoded; the burst must let one message of the largest size through. */
  bytes: Rate
  /** One awareness state (JSON) as the client sends it. */
  maxAwarenessStateBytes: number
  /** From the upgrade to its first message (y-websocket sends sync step 1 at once). */
  handshakeTimeoutMs: number
}

/**
 * One client's websocket on one board. What it may do (read-only) is fixed
 * when it is authenticated; which awareness client ids it speaks for is
 * learned from its first awareness message and never changes after.
 */
export class Connection implements ConnectionInfo {
  /** Names the connection in the audit and the update log; not a secret. */
  readonly id = randomUUID()
  readonly awarenessClients = new Set<number>()
  /** The Yjs client ids this connection has written live edits under; no other connection may write under them. */
  readonly yjsClients = new Set<number>()
  /** Its answer to our sync step 1 arrived; a client sends exactly one per connection. */
  syncedBack = false
  /** The name its awareness state shows; a claim, not a proof: links are per role, not per person. */
  displayName: string | undefined
  private alive = true
  private readonly messages: TokenBucket
  private readonly bytes: TokenBucket
  private readonly handshake: NodeJS.Timeout

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly rights: ConnectionRights,
    /** Past this many queued outgoing bytes the client is too slow and is dropped. */
    private readonly maxBufferedBytes: number,
    readonly limits: ConnectionLimits,
  ) {
    this.messages = new TokenBucket(limits.messages)
    this.bytes = new TokenBucket(limits.bytes)
    this.handshake = setTimeout(() => this.close(closeCodes.handshakeTimeout, 'handshake timeout'), limits.handshakeTimeoutMs).unref()
    // Control frames cost an answer or a read too: a ping flood is a flood.
    socket.on('ping', (data: Buffer) => this.withinRates(data.byteLength))
    socket.on('pong', (data: Buffer) => {
      this.alive = true
      this.withinRates(data.byteLength)
    })
  }

  /**
   * Whether a message just received may be handled: the connection is open
   * and within its rates. Past a rate it is closed, and whatever it sent after
   * that (still arriving while it closes) is dropped.
   */
  admit(bytes: number): boolean {
    clearTimeout(this.handshake)
    return this.withinRates(bytes)
  }

  private withinRates(bytes: number): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false
    if (!this.messages.take(1)) return this.tooFast('too many messages')
    if (!this.bytes.take(bytes)) return this.tooFast('too many bytes')
    return true
  }

  private tooFast(reason: string): false {
    this.close(closeCodes.tooFast, reason)
    return false
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(closeCodes.slowConsumer, 'client too slow')
      return
    }
    coalesceWritesThisTurn(this.socket)
    this.socket.send(message)
  }

  /** Called on every heartbeat: a client that did not answer the last ping is gone. */
  heartbeat(): void {
    if (!this.alive) {
      this.socket.terminate()
      return
    }
    this.alive = false
    this.socket.ping()
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, clipReason(reason))
    }
  }
}

/** A close reason may hold at most 123 bytes of UTF-8. */
function clipReason(reason: string): string {
  let clipped = reason
  while (Buffer.byteLength(clipped) > 123) clipped = clipped.slice(0, -1)
  return clipped
}
