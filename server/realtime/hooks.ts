import type { IncomingMessage } from 'node:http'
import type * as Y from 'yjs'

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
  /** Fills a new document from storage before any client syncs. Throw a {@link Refusal} when the board does not exist. */
  onLoadDocument?(payload: { boardId: string; doc: Y.Doc }): Promise<void>
  /** A client changed the document. Runs synchronously on every update: queue work, do not block. */
  onChange?(payload: { boardId: string; doc: Y.Doc; update: Uint8Array }): void
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

/** Refuses a websocket upgrade with an HTTP status, e.g. 404 for a board that does not exist. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}
