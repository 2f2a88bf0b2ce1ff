import type { IncomingMessage } from 'node:http'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { DecodedUpdate } from '../../lib/ydoc/decodedUpdate.ts'

/**
 * The realtime core knows nothing of databases, tokens or other instances:
 * those concerns plug in as hooks (the Hocuspocus model). Each hook takes one
 * payload object; several hook sets run in the order given.
 */
export interface Hooks {
  /**
   * Decides whether a websocket may open, and with which rights, before the
   * board is loaded. Throw a {@link Refusal} to refuse. Rights returned by a
   * later hook replace the role; read-only sticks once any hook says so.
   */
  onAuthenticate?(payload: { boardId: string; request: IncomingMessage }): Promise<ConnectionRights | void>
  /**
   * Reads a new document from storage: the updates it holds, oldest first. The
   * core applies them before it listens for changes, so what was stored is not
   * re-encoded or taken for an edit (as Hocuspocus's onLoadDocument returns the
   * stored state). Throw a {@link Refusal} when the board does not exist.
   */
  onFetchDocument?(payload: { boardId: string }): Promise<readonly Uint8Array[]>
  /** The document holds what was stored and its changes are listened to; runs before any client syncs. */
  onLoadDocument?(payload: { boardId: string; doc: Y.Doc; awareness: Awareness }): Promise<void>
  /**
   * Judges an update from a connection, read once for every hook, before it
   * touches the document. Runs
   * synchronously, so nothing else changes the document meanwhile. Throw
   * {@link Forbidden} to refuse it: the connection is closed with the reason
   * and the document stays as it was.
   */
  beforeApplyUpdate?(payload: { boardId: string; doc: Y.Doc; decoded: DecodedUpdate; connection: ConnectionInfo }): void
  /**
   * The document changed: `author` is the connection that sent the update, none for the server's own;
   * `fromPeer` when another instance accepted it (and stores it). Runs synchronously: queue work, do not block.
   */
  onChange?(payload: { boardId: string; doc: Y.Doc; update: Uint8Array; author: ConnectionInfo | undefined; fromPeer: boolean }): void
  /** A websocket was accepted on a loaded board. */
  onConnect?(payload: { boardId: string; connection: ConnectionInfo; address: string | undefined }): void
  /** A websocket closed. */
  onDisconnect?(payload: { boardId: string; connection: ConnectionInfo }): void
  /** The document is leaving memory (no client for a while, or shutdown): make it durable. */
  onUnloadDocument?(payload: { boardId: string; doc: Y.Doc }): Promise<void>
}

export interface ConnectionRights {
  /** What the connection is to the others (e.g. its role on the board): stamped on its awareness state, and used to close a group. */
  role: string
  /** Its updates are dropped, and it is told so; it still receives everything. */
  readOnly: boolean
}

export const anonymousRights: ConnectionRights = { role: 'anonymous', readOnly: false }

/** What hooks may know of a connection. */
export interface ConnectionInfo {
  readonly id: string
  readonly rights: ConnectionRights
  readonly displayName: string | undefined
}

/** Whether a transaction's origin names who made the change (a connection, or an HTTP request acting on the board). */
export function isConnectionInfo(origin: unknown): origin is ConnectionInfo {
  return typeof origin === 'object' && origin !== null && 'id' in origin && 'rights' in origin
}

/** The origin of changes to a document or its awareness that another instance sent: they are shown to this instance's clients, never sent back or stored again. */
export const fromPeers = Object.freeze({ peers: true })

/** A message its connection may not send; the connection is closed with the message as the reason. */
export class Forbidden extends Error {}

/** Refuses a websocket upgrade with an HTTP status, e.g. 404 for a board that does not exist. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}
