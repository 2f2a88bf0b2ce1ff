/**
 * The messages between PGliteProxy (main thread) and the PGlite worker. Both
 * sides import only types from here: the worker is loaded as CommonJS, the
 * proxy as ESM.
 */
import type { Results } from '@electric-sql/pglite'

export interface WorkerData {
  /** PGlite's data directory; none keeps the database in memory. */
  dataDir?: string
}

/** A row as Postgres sent it: every value is text, parsed on the main side. */
export type RawRow = (string | null)[]
export type RawResults = Results<RawRow>

/** `tx` names an open transaction: the statement runs inside it rather than waiting for it to end. */
export type Request =
  | { op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin'; tx: number }
  | { op: 'rollback'; tx: number }
  /** Ends the transaction's callback: it commits unless rolled back already, or rolls back. */
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' }

export interface Replies {
  query: RawResults
  exec: RawResults[]
  begin: null
  rollback: null
  end: null
  close: null
}

export type ToWorker = Request & { id: number }

export type FromWorker =
  | { type: 'ready'; arrayTypes: ArrayType[] }
  | { type: 'failed'; error: SerializedError }
  | { type: 'reply'; id: number; ok: true; value: Replies[keyof Replies] }
  | { type: 'reply'; id: number; ok: false; error: SerializedError }

/** An array type and its element type, from which PGlite derives its array parsers. */
export interface ArrayType {
  element: number
  array: number
}

/**
 * An error crossing the thread boundary. A database error keeps every field
 * (code, detail, constraint…): the Prisma adapter maps them to Prisma's errors.
 */
export type SerializedError =
  | { kind: 'error'; name: string; message: string; stack?: string }
  | {
      kind: 'database'
      /** PGlite's TransactionAbortedError: COMMIT rolled back an aborted transaction. */
      aborted: boolean
      message: string
      stack?: string
      /** Its own properties: the notice fields, length, name, and PGlite's query and params. */
      fields: Record<string, unknown>
    }
