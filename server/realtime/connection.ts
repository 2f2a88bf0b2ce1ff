import type { WebSocket } from 'ws'

/** Close codes sent to clients (4000–4999 are free for applications). */
export const closeCodes = {
  protocolError: 4400,
  tooLarge: 1009,
  slowConsumer: 4408,
  shuttingDown: 1001,
  timeout: 4409,
} as const

/**
 * One client's websocket on one board. What it may do (read-only) is fixed
 * when it is authenticated; which awareness client ids it speaks for is
 * learned from its first awareness message and never changes after.
 */
export class Connection {
  readonly awarenessClients = new Set<number>()
  private alive = true

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly readOnly: boolean,
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
      this.socket.close(code, reason)
    }
  }
}
