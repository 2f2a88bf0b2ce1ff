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
import { Forbidden, type Hooks } from './hooks.ts'
import { updateAuthors } from './updateAuthors.ts'
import { MalformedUpdate, readUpdate } from '../../lib/ydoc/decodedUpdate.ts'
import type { Logger } from '../../lib/logger.ts'

type ChangeListener = (update: Uint8Array, origin: unknown) => void
type UpdateJudge = NonNullable<Hooks['beforeApplyUpdate']>

/** An awareness state larger than its connection may send; sending it again will not help. */
class StateTooLarge extends Error {}

/** A Yjs doc changes its client id only on a clash; more than a few per connection is not a browser. */
const maxYjsClientsPerConnection = 8

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
    private readonly beforeApplyUpdate: UpdateJudge,
    private readonly log: Logger,
  ) {
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  /**
   * Applies what storage holds, then listens for changes: a stored update is
   * not a change to send or store again, and encoding the whole loaded board
   * for nobody costs as much as reading it.
   */
  restore(stored: readonly Uint8Array[]): void {
    this.doc.transact(() => {
      for (const update of stored) {
        try {
          Y.applyUpdate(this.doc, update)
        } catch (error) {
          // One damaged row must not make the whole board unreadable.
          this.log.error(`board ${this.boardId}: skipped an unreadable stored update:`, error)
        }
      }
    })
    this.doc.on('update', this.handleDocUpdate)
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

  /** False when the connection had left already. */
  removeConnection(connection: Connection): boolean {
    if (!this.connections.delete(connection)) return false
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null)
    return true
  }

  /** Handles one raw websocket message; a malformed or forbidden one closes that connection only. */
  receive(connection: Connection, data: Uint8Array): void {
    try {
      this.apply(connection, decodeClientMessage(data))
    } catch (error) {
      if (error instanceof ProtocolError || error instanceof MalformedUpdate) connection.close(closeCodes.protocolError, error.message)
      else if (error instanceof Forbidden) connection.close(closeCodes.forbidden, error.message)
      else if (error instanceof StateTooLarge) connection.close(closeCodes.stateTooLarge, error.message)
      else {
        this.log.error(`board ${this.boardId}: a message failed`, error)
        connection.close(closeCodes.internalError, 'internal error')
      }
    }
  }

  private apply(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        connection.send(encodeSyncStep2(this.stateAsUpdate(message.stateVector)))
        return
      case 'sync-step-2':
      case 'update':
        this.applyUpdate(connection, message)
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
   * An update is applied only when its connection may write and every new
   * struct in it is authored under a Yjs client id no other connection
   * writes under (so nobody can take another person's clock range and have
   * their next edits dropped as duplicates), and the hooks accept it.
   * A sync step 2 may relay others' edits the server lost (a crash), so it
   * claims no id; live updates claim theirs. An update that builds on
   * content the document lacks is refused (Yjs would keep it pending).
   */
  private applyUpdate(connection: Connection, message: Extract<ClientMessage, { update: Uint8Array }>): void {
    const answer = message.type === 'sync-step-2'
    if (answer) {
      if (connection.syncedBack) throw new ProtocolError('sync step 2 was already sent')
      connection.syncedBack = true
    }
    // Read whole (a malformed update cannot half-apply), and once: every check after this one judges the same structs.
    const decoded = readUpdate(message.update)
    const { authors, deletes, incomplete } = updateAuthors(this.doc, decoded)
    if (authors.size === 0 && !deletes) return
    // A client that reconnects sends its live edits before its sync step 2; after a crash they can
    // build on what the server lost. The sync step 2, computed after them, carries them whole.
    if (incomplete) {
      if (!connection.syncedBack) return
      throw new Forbidden('gap: the update builds on content the board does not have')
    }
    if (connection.rights.readOnly) {
      // A viewer's answer to our sync step 1 carries the deletions it was sent: nothing of its own.
      if (!(answer && authors.size === 0)) connection.send(encodePermissionDenied('read-only connection'))
      return
    }
    for (const client of authors) {
      if (!connection.yjsClients.has(client) && this.yjsClientOwner(client)) throw new Forbidden('writes under another connection’s Yjs client id')
    }
    if (!answer) {
      for (const client of authors) connection.yjsClients.add(client)
      if (connection.yjsClients.size > maxYjsClientsPerConnection) throw new Forbidden('too many Yjs client ids on one connection')
    }
    this.beforeApplyUpdate({ boardId: this.boardId, doc: this.doc, decoded, connection })
    Y.applyUpdate(this.doc, message.update, connection)
  }

  /**
   * What the client lacks. Its state vector is read here, once: the board has
   * no pending structs, so Yjs can only throw on a malformed vector, and that
   * is the client's error, not the server's.
   */
  private stateAsUpdate(stateVector: Uint8Array): Uint8Array {
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector)
    } catch {
      throw new ProtocolError('malformed state vector')
    }
  }

  private yjsClientOwner(client: number): Connection | undefined {
    for (const connection of this.connections) if (connection.yjsClients.has(client)) return connection
    return undefined
  }

  /**
   * A connection speaks only for its own awareness client: the first one it
   * announces that no other connection holds. y-websocket clients also echo
   * the states they receive from others; those entries are dropped, so no one
   * can move another person's cursor or make them leave. Every state is
   * stamped with the connection's role, so no one can claim another, and
   * one over the size limit closes the connection: everyone would receive it.
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
    this.onChange(update, origin)
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

/** The state as the others will see it: within the size limit, with the connection's role whatever the client claimed; its name noted for the audit. */
function stampState(connection: Connection, state: string): string {
  if (Buffer.byteLength(state) > connection.limits.maxAwarenessStateBytes) throw new StateTooLarge('awareness state too large')
  const parsed: unknown = JSON.parse(state)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ProtocolError('an awareness state must be an object')
  const name = (parsed as { user?: { name?: unknown } }).user?.name
  if (typeof name === 'string') connection.displayName = name.slice(0, 80)
  return JSON.stringify({ ...parsed, role: connection.rights.role })
}

