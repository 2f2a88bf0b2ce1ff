/** What the connection indicator shows. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'revoked' | 'refused'

/** Close codes after which the server will not take this connection back (see server/realtime/connection.ts). */
export const revokedCloseCode = 4401

export interface ConnectionFacts {
  /** The websocket is open and the board synced. */
  connected: boolean
  /** It was connected at least once since the page opened. */
  wasConnected: boolean
  /** The browser reports a network (navigator.onLine). */
  browserOnline: boolean
  /** How long the websocket has been down, in ms (0 while connected). */
  downForMs: number
  /** The server closed the connection for good, with this close code. */
  closedWith?: number
}

/** Past this, a connection that keeps failing is shown as offline; edits are kept and merged on return. */
export const offlineAfterMs = 10_000

export function connectionStatus({ connected, wasConnected, browserOnline, downForMs, closedWith }: ConnectionFacts): ConnectionStatus {
  if (closedWith !== undefined) return closedWith === revokedCloseCode ? 'revoked' : 'refused'
  if (connected) return 'connected'
  if (!browserOnline || downForMs >= offlineAfterMs) return 'offline'
  return wasConnected ? 'reconnecting' : 'connecting'
}

/** The server refused one of this client's changes (a locked element, a role's limit). */
export const refusedCloseCode = 4403

/** At most this many fresh starts after refusals in a minute; past it the page says so and stays closed. */
export const maxRestartsPerMinute = 3

/**
 * Whether a connection the server closed with `code` starts again from the
 * server's state. Yjs cannot take back one update and keep the client's later
 * ones, so a refused change (typically a drag still in flight as a
 * facilitator's lock landed) is undone by dropping the local copy and
 * syncing anew; a client that keeps being refused is left closed.
 * `restarts`: when the earlier fresh starts happened, in ms.
 */
export function restartsAfterClose(code: number, now: number, restarts: readonly number[]): boolean {
  return code === refusedCloseCode && restarts.filter((at) => now - at < 60_000).length < maxRestartsPerMinute
}
