import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/**
 * Every message to a websocket is a write system call of its own: ws corks
 * the TCP socket for a frame's header and payload, then uncorks it. Sending an
 * edit to a board of 500 is 500 such calls, most of the server's time. Here
 * a socket stays corked until the current turn of the event loop ends, so
 * everything sent to it meanwhile (the edits and cursors of several people
 * that arrived together) leaves in one call. Idle, nothing waits; busy,
 * messages batch up by themselves, and fan-out costs less as load grows.
 */
const corked = new Set<Socket>()

export function coalesceWritesThisTurn(ws: WebSocket): void {
  // ws keeps its TCP socket in `_socket`; the field has been there since ws 1.
  const socket = (ws as unknown as { _socket?: Socket })._socket
  if (!socket || corked.has(socket)) return
  if (corked.size === 0) setImmediate(uncorkAll)
  socket.cork()
  corked.add(socket)
}

function uncorkAll(): void {
  for (const socket of corked) socket.uncork()
  corked.clear()
}
