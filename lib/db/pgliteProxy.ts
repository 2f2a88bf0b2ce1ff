import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Worker } from 'node:worker_threads'
import { type ParserOptions, type QueryOptions, type Results, TransactionAbortedError, messages, types } from '@electric-sql/pglite'
import type { ArrayType, FromWorker, RawResults, Replies, Request, SerializedError, WorkerData } from './pgliteProtocol.ts'

/** The query options the proxy supports: those pglite-prisma-adapter passes. */
export type ProxyQueryOptions = Pick<QueryOptions, 'rowMode' | 'parsers'>

/** What a transaction callback receives, as PGlite's Transaction. */
export interface ProxyTransaction {
  query<T>(sql: string, params?: unknown[], options?: ProxyQueryOptions): Promise<Results<T>>
  exec(sql: string, options?: ProxyQueryOptions): Promise<Results[]>
  rollback(): Promise<void>
}

interface Pending {
  resolve(value: Replies[keyof Replies]): void
  reject(error: Error): void
}

/**
 * PGlite in a worker thread (lib/db/pgliteWorker.ts), behind the part of
 * PGlite's API that pglite-prisma-adapter uses: query, exec, transaction and
 * close. Results are parsed here, with the caller's parsers, exactly as PGlite
 * parses them, and database errors are re-created as PGlite's DatabaseError.
 * If the worker dies, every pending and later call fails instead of hanging.
 */
export class PGliteProxy {
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private nextTransaction = 0
  /** Set once the worker is gone, or going: every call fails with it. */
  private failure: Error | undefined
  /** PGlite's default parsers, including those it derives for array types. */
  private readonly parsers: ParserOptions = { ...types.parsers }
  /** The defaults merged with a caller's parsers, per parsers object, taken as unchanging: the adapter always passes one constant. */
  private readonly merged = new WeakMap<ParserOptions, ParserOptions>()
  /** Settles once the worker has opened the database. */
  private readonly ready: Promise<void>

  static async create(dataDir?: string): Promise<PGliteProxy> {
    if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await createCluster(dataDir)
    const workerData: WorkerData = { dataDir }
    const proxy = new PGliteProxy(new Worker(workerSource(), { eval: true, workerData }))
    await proxy.ready
    return proxy
  }

  private constructor(private readonly worker: Worker) {
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            this.addArrayParsers(message.arrayTypes)
            this.updateRef()
            return resolve()
          case 'failed':
            reject(reviveError(message.error))
            return void worker.terminate()
          case 'reply':
            return this.settle(message)
        }
      })
      const fail = (error: Error) => {
        reject(error)
        this.fail(error)
      }
      worker.on('error', (error) => fail(new Error(`the PGlite worker failed: ${error.message}`, { cause: error })))
      worker.on('messageerror', (error) => {
        fail(new Error('a message from the PGlite worker could not be read', { cause: error }))
        void worker.terminate()
      })
      worker.on('exit', (code) => fail(new Error(`the PGlite worker exited unexpectedly (exit code ${code})`)))
    })
  }

  async query<T>(sql: string, params: unknown[] = [], options?: ProxyQueryOptions): Promise<Results<T>> {
    return this.parse(await this.call({ op: 'query', sql, params }), options) as Results<T>
  }

  async exec(sql: string, options?: ProxyQueryOptions): Promise<Results[]> {
    return (await this.call({ op: 'exec', sql })).map((results) => this.parse(results, options))
  }

  /** As PGlite's: commits when the callback resolves, unless it rolled back; rolls back when it throws. */
  async transaction<T>(callback: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    const tx = this.nextTransaction++
    await this.call({ op: 'begin', tx })
    let result: T
    try {
      result = await callback({
        query: async <R>(sql: string, params: unknown[] = [], options?: ProxyQueryOptions) =>
          this.parse(await this.call({ op: 'query', sql, params, tx }), options) as Results<R>,
        exec: async (sql: string, options?: ProxyQueryOptions) =>
          (await this.call({ op: 'exec', sql, tx })).map((results) => this.parse(results, options)),
        rollback: async () => {
          await this.call({ op: 'rollback', tx })
        },
      })
    } catch (error) {
      await this.call({ op: 'end', tx, commit: false })
      throw error
    }
    await this.call({ op: 'end', tx, commit: true })
    return result
  }

  /** Closes the database, then stops the worker. */
  async close(): Promise<void> {
    try {
      if (!this.failure) await this.call({ op: 'close' })
    } finally {
      this.fail(new Error('the database is closed'))
      await this.worker.terminate()
    }
  }

  private call<R extends Request>(request: R): Promise<Replies[R['op']]> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise<Replies[R['op']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject })
      this.updateRef()
      try {
        this.worker.postMessage({ ...request, id })
      } catch (error) {
        // A parameter that cannot be cloned.
        this.pending.delete(id)
        this.updateRef()
        reject(error)
      }
    })
  }

  private settle(reply: Extract<FromWorker, { type: 'reply' }>): void {
    const pending = this.pending.get(reply.id)
    if (!pending) return
    this.pending.delete(reply.id)
    this.updateRef()
    if (reply.ok) pending.resolve(reply.value)
    else pending.reject(reviveError(reply.error))
  }

  private fail(error: Error): void {
    if (this.failure) return
    this.failure = error
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }

  /**
   * The worker keeps the process alive only while a call waits for it, as an
   * in-process PGlite would: an idle open database does not stop Node from exiting.
   */
  private updateRef(): void {
    if (this.pending.size > 0) this.worker.ref()
    else this.worker.unref()
  }

  /** As PGlite's parseResults: the caller's parsers over the defaults, rows as arrays or objects. */
  private parse(results: RawResults, options: ProxyQueryOptions | undefined): Results {
    const parsers = options?.parsers ? this.mergedWith(options.parsers) : this.parsers
    const { fields } = results
    const rows = results.rows.map((raw) => {
      const values = raw.map((text, i) => types.parseType(text, fields[i]!.dataTypeID, parsers))
      return options?.rowMode === 'array' ? values : Object.fromEntries(fields.map((field, i) => [field.name, values[i]]))
    })
    return { ...results, rows }
  }

  private mergedWith(custom: ParserOptions): ParserOptions {
    let parsers = this.merged.get(custom)
    if (!parsers) {
      parsers = { ...this.parsers, ...custom }
      const theirs = custom[byteaType]
      if (theirs) parsers[byteaType] = (text) => parseHexBytea(text) ?? theirs(text)
      this.merged.set(custom, parsers)
    }
    return parsers
  }

  /** As PGlite's _initArrayTypes: an array's elements are parsed with the default parser of their type. */
  private addArrayParsers(arrayTypes: ArrayType[]): void {
    for (const { element, array } of arrayTypes) {
      this.parsers[array] = (text) => types.arrayParser(text, this.parsers[element]!, array)
    }
  }
}

/**
 * Creates a new database cluster in a short-lived process. Creating one
 * (initdb) grows PGlite's WebAssembly memory to some 600 MB, which neither an
 * instance nor a finished worker thread gives back to the system; the server's
 * own instance then opens the cluster at about 140 MB.
 */
async function createCluster(dataDir: string): Promise<void> {
  // Resolved in the child, as in workerSource: a bundler must not see it.
  const entry = JSON.stringify(fileURLToPath(import.meta.url))
  const script = `require('node:module').createRequire(${entry})('@electric-sql/pglite').PGlite.create(process.argv[1]).then((pg) => pg.close())`
  try {
    await promisify(execFile)(process.execPath, ['-e', script, dataDir])
  } catch (error) {
    throw new Error(`the embedded database could not be created in ${dataDir}: ${(error as { stderr?: string }).stderr || String(error)}`)
  }
}

/** PostgreSQL's bytea; its text form is hex (`\\x…`) unless the server is set to the old escape form. */
const byteaType = 17

/**
 * A bytea's hex text as bytes, decoded natively: the adapter's own parser
 * makes a string and a number per byte (0.2 s for a 1.4 MB board). Null for
 * the escape form, left to the caller's parser.
 */
function parseHexBytea(text: string): Uint8Array | null {
  if (!text.startsWith('\\x')) return null
  const bytes = new Uint8Array((text.length - 2) >> 1)
  Buffer.from(bytes.buffer).write(text.slice(2), 'hex')
  return bytes
}

/**
 * The worker's entry is TypeScript. Node 20 runs no module loader hooks in
 * worker threads (tsx registers its ESM hooks in the main thread only), so the
 * worker loads it through tsx's require hook, as CommonJS. Both are resolved
 * inside the worker's source: a bundler (Next's, for route handlers that
 * import this module) would otherwise bundle tsx, and publish the entry
 * as a static asset if it saw `new URL('./pgliteWorker.ts', import.meta.url)`.
 */
function workerSource(): string {
  const entry = JSON.stringify(join(dirname(fileURLToPath(import.meta.url)), 'pgliteWorker.ts'))
  return `const load = require('node:module').createRequire(${entry}); load('tsx/cjs'); load(${entry})`
}

function reviveError(error: SerializedError): Error {
  const revived =
    error.kind === 'database'
      ? Object.assign(error.aborted ? new TransactionAbortedError() : new messages.DatabaseError(error.message, 0, 'error'), error.fields)
      : Object.assign(new Error(error.message), { name: error.name })
  // The worker's stack says where in PGlite it failed; one taken here would only show the message handler.
  if (error.stack) revived.stack = error.stack
  return revived
}
