import type { WebSocket } from 'ws'
import { randomUUID } from 'node:crypto'
import type { ConnectionInfo, ConnectionRights } from './hooks.ts'

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
  slowConsumer: 4508,
  internalError: 1011,
} as const

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

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly rights: ConnectionRights,
    /** Past this many queued outgoing bytes the client is too slow and is dropped. */
    private readonly maxBufferedBytes: number,
  ) {
    socket.on('pong', () => {
      this.alive = true
    })
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(closeCodes.slowConsumer, 'client too slow')
      return
    }
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
