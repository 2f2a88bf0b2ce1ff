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
