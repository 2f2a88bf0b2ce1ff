import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Connection, closeCodes } from './connection.ts'
import {
  type ClientMessage,
  ProtocolError,
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.ts'
import { decodeAwarenessUpdate, encodeAwarenessEntries } from './awarenessUpdate.ts'

type ChangeListener = (update: Uint8Array) => void

/**
 * One board in memory: its Y.Doc, the awareness of the people on it, and their
 * connections. Every message from a connection is decoded, checked against
 * what that connection may do, applied, and fanned out to the others.
 */
export class BoardDocument {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()

  constructor(
    readonly boardId: string,
    private readonly onChange: ChangeListener,
  ) {
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.handleDocUpdate)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  /** Opens the sync: our state vector, then everyone's awareness. */
  addConnection(connection: Connection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)))
    }
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null)
  }

  /** Handles one raw websocket message; a malformed or forbidden one closes that connection only. */
  receive(connection: Connection, data: Uint8Array): void {
    let message: ClientMessage
    try {
      message = decodeClientMessage(data)
      this.apply(connection, message)
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'invalid message'
      connection.close(closeCodes.protocolError, reason)
    }
  }

  private apply(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)))
        return
      case 'sync-step-2':
      case 'update':
        if (connection.rights.readOnly) {
          connection.send(encodePermissionDenied('read-only connection'))
          return
        }
        checkUpdate(message.update)
        Y.applyUpdate(this.doc, message.update, connection)
        return
      case 'awareness':
        this.applyAwareness(connection, message.update)
        return
      case 'query-awareness':
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
        return
    }
  }

  /**
   * A connection speaks only for its own awareness client: the first one it
   * announces that no other connection holds. y-websocket clients also echo
   * the states they receive from others; those entries are dropped, so no one
   * can move another person's cursor or make them leave. Every state is
   * stamped with the connection's role, so no one can claim another.
   */
  private applyAwareness(connection: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
      .filter((entry) => {
        if (connection.awarenessClients.has(entry.clientId)) return true
        const claimable = connection.awarenessClients.size === 0 && entry.state !== 'null' && !this.claimedByOther(connection, entry.clientId)
        if (claimable) connection.awarenessClients.add(entry.clientId)
        return claimable
      })
      .map((entry) => (entry.state === 'null' ? entry : { ...entry, state: stampState(connection, entry.state) }))
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), connection)
  }

  private claimedByOther(connection: Connection, client: number): boolean {
    for (const other of this.connections) {
      if (other !== connection && other.awarenessClients.has(client)) return true
    }
    return false
  }

  private handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const message = encodeUpdate(update)
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
    this.onChange(update)
  }

  private handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
  }

  destroy(): void {
    this.doc.off('update', this.handleDocUpdate)
    this.awareness.off('update', this.handleAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

/** The state as the others will see it: the connection's role, whatever the client claimed; its name noted for the audit. */
function stampState(connection: Connection, state: string): string {
  const parsed: unknown = JSON.parse(state)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ProtocolError('an awareness state must be an object')
  const name = (parsed as { user?: { name?: unknown } }).user?.name
  if (typeof name === 'string') connection.displayName = name.slice(0, 80)
  return JSON.stringify({ ...parsed, role: connection.rights.role })
}

/** Parses the whole update before it touches the document, so a malformed one cannot half-apply. */
function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw new ProtocolError('malformed update')
  }
}
