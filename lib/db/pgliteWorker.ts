/**
 * The worker thread that owns the PGlite instance and answers PGliteProxy.
 * PGlite is Postgres compiled to WebAssembly: every statement runs
 * synchronously on its thread, so here it no longer holds up the server's
 * event loop. Started by PGliteProxy.create and loaded as CommonJS (see there).
 */
import { setPriority } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite, type Results, type Transaction, TransactionAbortedError, messages } from '@electric-sql/pglite'
import type { ArrayType, FromWorker, RawRow, Replies, SerializedError, ToWorker, WorkerData } from './pgliteProtocol.ts'

interface OpenTransaction {
  tx: Transaction
  /** Settles the callback given to PGlite's transaction(), which then commits or rolls back. */
  finish(commit: boolean): void
  settled: Promise<unknown>
}

/** Rejects a transaction's callback when the proxy's own callback failed: PGlite then rolls back. */
const rolledBack = Symbol('rolled back')

const port = parentPort!
const send = (message: FromWorker) => port.postMessage(message)

yieldToTheEventLoop()
start((workerData as WorkerData).dataDir).catch((error: unknown) => send({ type: 'failed', error: serializeError(error) }))

async function start(dataDir: string | undefined): Promise<void> {
  // Postgres's default 128 MB of shared buffers was most of an idle server's
  // memory; a workshop's boards fit in far less, and pages past them are read
  // back from the data directory's files.
  const pg = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] })
  // Values go back as the text Postgres sent: the caller's parsers are
  // functions, which cannot cross to this thread, so the proxy parses.
  const rawOptions = { rowMode: 'array' as const, parsers: rawParsers(pg) }
  const transactions = new Map<number, OpenTransaction>()
  const transaction = (id: number): OpenTransaction => {
    const open = transactions.get(id)
    if (!open) throw new Error(`no open transaction ${id}`)
    return open
  }

  // Each request calls PGlite at once, in arrival order; PGlite's own locks
  // then order them exactly as they would be in the main thread.
  async function handle(request: ToWorker): Promise<Replies[keyof Replies]> {
    switch (request.op) {
      case 'query': {
        const target = request.tx === undefined ? pg : transaction(request.tx).tx
        return target.query<RawRow>(request.sql, request.params, rawOptions)
      }
      case 'exec': {
        const target = request.tx === undefined ? pg : transaction(request.tx).tx
        return (await target.exec(request.sql, rawOptions)) as Results<RawRow>[]
      }
      case 'begin':
        return begin(request.tx)
      case 'rollback':
        await transaction(request.tx).tx.rollback()
        return null
      case 'end': {
        const open = transaction(request.tx)
        transactions.delete(request.tx)
        open.finish(request.commit)
        await open.settled.catch((error: unknown) => {
          if (error !== rolledBack) throw error
        })
        return null
      }
      case 'close':
        await pg.close()
        return null
    }
  }

  /** Resolves once BEGIN ran and the transaction waits for the proxy's statements. */
  function begin(id: number): Promise<null> {
    return new Promise((resolve, reject) => {
      const settled = pg.transaction(
        (tx) =>
          new Promise<void>((commit, rollback) => {
            transactions.set(id, { tx, settled, finish: (ok) => (ok ? commit() : rollback(rolledBack)) })
            resolve(null)
          }),
      )
      // Before the callback ran, a failure is BEGIN's; after, 'end' reports it.
      settled.catch(reject)
    })
  }

  port.on('message', (request: ToWorker) => {
    handle(request).then(
      (value) => send({ type: 'reply', id: request.id, ok: true, value }),
      (error: unknown) => send({ type: 'reply', id: request.id, ok: false, error: serializeError(error) }),
    )
  })
  send({ type: 'ready', arrayTypes: await arrayTypes(pg) })
  // Once PGlite's start has fully unwound: until then it still holds what it used.
  setImmediate(collectGarbage)
}

/**
 * Frees what PGlite's start left behind (buffers of its file system bundle;
 * for an in-memory database, initdb's too: some 350 MB; a data directory's
 * cluster is created apart, see PGliteProxy.create). This thread allocates too little afterwards for
 * V8 to collect them by itself, and a process's gc() reaches only its main thread.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  setFlagsFromString('--no-expose-gc')
  gc()
}

/**
 * Lowers this thread's priority. Sharing a CPU with the server's event loop,
 * database work would otherwise take turns with the fan-out of edits in slices
 * of milliseconds; at nice 10 the event loop preempts it whenever it wakes
 * (measured: edit latency p99 with writes as without). Only Linux keeps a
 * nice value per thread; elsewhere this would lower the whole process.
 */
function yieldToTheEventLoop(): void {
  if (process.platform !== 'linux') return
  try {
    setPriority(10)
  } catch (error) {
    // An optimisation only: the database works the same without it.
    console.warn('could not lower the PGlite worker thread priority:', error)
  }
}

/** A parser that keeps the text for every type PGlite would otherwise parse. */
function rawParsers(pg: PGlite): Record<string, (text: string) => string> {
  return Object.fromEntries(Object.keys(pg.parsers).map((type) => [type, (text: string) => text]))
}

/** The query PGlite runs at start to build its array parsers, so the proxy can build the same ones. */
async function arrayTypes(pg: PGlite): Promise<ArrayType[]> {
  const { rows } = await pg.query<ArrayType>(`
    SELECT b.oid AS element, b.typarray AS array
    FROM pg_catalog.pg_type a
    LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
    WHERE a.typcategory = 'A'
    GROUP BY b.oid, b.typarray
    ORDER BY b.oid
  `)
  return rows
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof messages.DatabaseError) {
    // queryOptions holds this side's parsers, which cannot be cloned and mean nothing there.
    const { queryOptions: _, ...fields } = error as messages.DatabaseError & { queryOptions?: unknown }
    return {
      kind: 'database',
      aborted: error instanceof TransactionAbortedError,
      message: error.message,
      stack: error.stack,
      fields,
    }
  }
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, stack: error.stack }
  return { kind: 'error', name: 'Error', message: String(error) }
}
