import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { PGlite, type Results, TransactionAbortedError, messages } from '@electric-sql/pglite'
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from './boards.ts'
import { type Database, openDatabase } from './client.ts'
import { migrate } from './migrate.ts'
import { PGliteProxy } from './pgliteProxy.ts'

const schema = `
  CREATE TABLE parent (id int PRIMARY KEY, name text UNIQUE);
  CREATE TABLE child (id int PRIMARY KEY, parent int REFERENCES parent (id));
  INSERT INTO parent VALUES (1, 'one'), (2, 'two');`

/** One row with a value of every type the board's schema, Prisma and PGlite's parsers care about. */
const everyType = `SELECT
  'text'::text AS text, 'v'::varchar(3) AS varchar, 42::int2 AS int2, 42::int4 AS int4,
  9007199254740993::int8 AS int8_big, 12::int8 AS int8_small, 7::oid AS oid,
  true AS yes, false AS no, 1.5::float4 AS float4, 1.25::float8 AS float8,
  '12345678901234567890.123'::numeric AS numeric, 'NaN'::numeric AS nan,
  '\\xdeadbeef'::bytea AS bytea, ''::bytea AS empty_bytea,
  '2024-01-02 03:04:05.678'::timestamp(3) AS timestamp, 'infinity'::timestamp AS infinity,
  '2024-01-02 03:04:05.678+02'::timestamptz AS timestamptz, '2024-01-02'::date AS date,
  '12:34:56'::time AS time, '12:34:56+01'::timetz AS timetz, '1 day'::interval AS interval,
  '{"a":[1,2.5,"x"],"b":null}'::json AS json, '{"b":{"c":true}}'::jsonb AS jsonb,
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS uuid, 'x'::char AS char,
  null::text AS null_text, null::bytea AS null_bytea, null::int8 AS null_int8,
  ARRAY[1, null, 3]::int4[] AS int4s, ARRAY[1, 2]::int8[] AS int8s, ARRAY['a', 'b"c', null]::text[] AS texts,
  ARRAY['\\x01'::bytea, '\\xff'::bytea] AS byteas, ARRAY[true, false] AS bools, ARRAY[1.5]::numeric[] AS numerics,
  ARRAY['2024-01-02 03:04:05'::timestamp] AS timestamps, ARRAY['{"a":1}'::jsonb] AS jsonbs,
  ARRAY[ARRAY[1, 2], ARRAY[3, 4]]::int4[] AS nested`

const bytes = new Uint8Array([0, 1, 254, 255])
const withParams: [string, unknown[]] = [
  'SELECT $1::text AS t, $2::int8 AS big, $3::bytea AS b, $4::timestamp(3) AS ts, $5::jsonb AS j, $6::int4[] AS a, $7::bool AS flag, $8::text AS nothing',
  ['x', 9007199254740993n, bytes, '2024-01-02 03:04:05.678', '{"k":[1]}', [1, 2], true, null],
]

let local: PGlite
let proxy: PGliteProxy

beforeAll(async () => {
  local = await PGlite.create()
  proxy = await PGliteProxy.create()
  await local.exec(schema)
  await proxy.exec(schema)
})

afterAll(async () => {
  await local?.close()
  await proxy?.close()
})

/** What the adapter reads from a result, and what callers of PGlite's query compare. */
const comparable = ({ rows, fields, affectedRows }: Results) => ({ rows, fields, affectedRows })

/** Runs the same work on the in-process PGlite and on the proxy; both must settle alike. */
async function both<T>(work: (db: PGlite) => Promise<T>): Promise<{ local: PromiseSettledResult<T>; proxied: PromiseSettledResult<T> }> {
  const [inProcess, proxied] = await Promise.allSettled([work(local), work(proxy as unknown as PGlite)])
  return { local: inProcess!, proxied: proxied! }
}

describe('PGliteProxy results', () => {
  it('parses every type exactly as an in-process PGlite, with default parsers, in both row modes', async () => {
    for (const options of [undefined, { rowMode: 'array' as const }]) {
      const expected = comparable(await local.query(everyType, [], options))
      expect(comparable(await proxy.query(everyType, [], options))).toEqual(expected)
    }
  })

  it('applies the caller’s parsers over the defaults', async () => {
    const options = { rowMode: 'array' as const, parsers: { 20: (text: string) => `int8:${text}`, 1007: (text: string) => `int4[]:${text}` } }
    const expected = comparable(await local.query(everyType, [], options))
    expect(comparable(await proxy.query(everyType, [], options))).toEqual(expected)
    expect(expected.rows[0]).toContain('int8:12')
  })

  it('sends parameters of every kind the adapter passes', async () => {
    const expected = comparable(await local.query(...withParams))
    expect(comparable(await proxy.query(...withParams))).toEqual(expected)
    expect((expected.rows[0] as { b: Uint8Array }).b).toEqual(bytes)
  })

  it('gives the adapter a board-sized bytea byte for byte, and leaves the old escape form to the adapter’s parser', async () => {
    const [viaLocal, viaProxy] = await Promise.all([adapterOver(local), adapterOver(proxy)])
    const big = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7919) % 256)
    const select = { sql: 'SELECT $1::bytea AS b', args: [Buffer.from(big).toString('base64')], argTypes: [{ scalarType: 'bytes', arity: 'scalar', dbType: 'BYTEA' }] } satisfies SqlQuery
    const read = await viaProxy.queryRaw(select)
    expect(read).toEqual(await viaLocal.queryRaw(select))
    expect(read.rows[0]![0]).toEqual(big)
    await Promise.all([viaLocal, viaProxy].map((adapter) => adapter.executeRaw({ sql: "SET bytea_output = 'escape'", args: [], argTypes: [] })))
    const escapedSelect = { sql: "SELECT '\\x00ff41'::bytea AS b", args: [], argTypes: [] } satisfies SqlQuery
    expect(await viaProxy.queryRaw(escapedSelect)).toEqual(await viaLocal.queryRaw(escapedSelect))
    await Promise.all([viaLocal, viaProxy].map((adapter) => adapter.executeRaw({ sql: "SET bytea_output = 'hex'", args: [], argTypes: [] })))
  })

  it('counts affected rows and returns every statement of a script', async () => {
    const script = `UPDATE parent SET name = name WHERE id > 0; SELECT id, name FROM parent ORDER BY id; DELETE FROM child`
    expect((await proxy.exec(script)).map(comparable)).toEqual((await local.exec(script)).map(comparable))
    const update = 'UPDATE parent SET name = name WHERE id = $1'
    expect(comparable(await proxy.query(update, [1]))).toEqual(comparable(await local.query(update, [1])))
  })

  it('gives the adapter the same rows, column types and affected rows', async () => {
    const query = (sql: string, args: unknown[] = [], types: SqlQuery['argTypes'] = []): SqlQuery => ({ sql, args, argTypes: types })
    const [viaLocal, viaProxy] = await Promise.all([adapterOver(local), adapterOver(proxy)])
    const select = query(everyType.replace(/,\s*'1 day'::interval AS interval/, ''))
    expect(await viaProxy.queryRaw(select)).toEqual(await viaLocal.queryRaw(select))
    const types: SqlQuery['argTypes'] = [
      { scalarType: 'string', arity: 'scalar', dbType: 'TEXT' },
      { scalarType: 'bigint', arity: 'scalar', dbType: 'BIGINT' },
      { scalarType: 'bytes', arity: 'scalar', dbType: 'BYTEA' },
      { scalarType: 'datetime', arity: 'scalar', dbType: 'TIMESTAMP' },
      { scalarType: 'json', arity: 'scalar', dbType: 'JSONB' },
      { scalarType: 'int', arity: 'list', dbType: 'INTEGER' },
      { scalarType: 'boolean', arity: 'scalar', dbType: 'BOOLEAN' },
      { scalarType: 'string', arity: 'scalar', dbType: 'TEXT' },
    ]
    const params = query(withParams[0], ['x', '9007199254740993', 'AAH+/w==', '2024-01-02T03:04:05.678Z', '{"k":[1]}', [1, 2], true, null], types)
    expect(await viaProxy.queryRaw(params)).toEqual(await viaLocal.queryRaw(params))
    const update = query('UPDATE parent SET name = name')
    expect(await viaProxy.executeRaw(update)).toEqual(await viaLocal.executeRaw(update))
  })
})

describe('PGliteProxy errors', () => {
  it('re-creates database errors with every field, so the adapter maps them as before', async () => {
    for (const sql of [
      "INSERT INTO parent VALUES (3, 'one')",
      'INSERT INTO child VALUES (1, 99)',
      'INSERT INTO parent VALUES (null)',
      'SELECT missing FROM parent',
      'SELECT 1/0',
    ]) {
      const { local: expected, proxied } = await both((db) => db.query(sql))
      const error = rejection(proxied)
      expect(error).toBeInstanceOf(messages.DatabaseError)
      expect({ ...error, message: error.message }).toEqual({ ...rejection(expected), message: rejection(expected).message })

      const [viaLocal, viaProxy] = await Promise.all([adapterOver(local), adapterOver(proxy)])
      const adapterError = await viaProxy.executeRaw({ sql, args: [], argTypes: [] }).catch((e: unknown) => e)
      const expectedError = await viaLocal.executeRaw({ sql, args: [], argTypes: [] }).catch((e: unknown) => e)
      expect((adapterError as { cause: unknown }).cause).toEqual((expectedError as { cause: unknown }).cause)
    }
  })

  it('keeps a failed statement from spoiling the next', async () => {
    await expect(proxy.query('SELECT nonsense')).rejects.toThrow(/column "nonsense" does not exist/)
    expect((await proxy.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })
})

describe('PGliteProxy transactions', () => {
  it('commits, rolls back on a thrown error, and rolls back on request, as PGlite does', async () => {
    const insert = (id: number) => `INSERT INTO child VALUES (${id}, 1)`
    const outcome = await both(async (db) => {
      await db.transaction(async (tx) => void (await tx.query(insert(10))))
      const thrown = new Error('callback failed')
      const caught = await db.transaction(async (tx) => {
        await tx.query(insert(11))
        throw thrown
      }).catch((error: unknown) => error)
      await db.transaction(async (tx) => {
        await tx.query(insert(12))
        await tx.rollback()
      })
      const ids = await db.query<{ id: number }>('SELECT id FROM child WHERE id >= 10 ORDER BY id')
      await db.exec('DELETE FROM child WHERE id >= 10')
      return { caughtTheThrown: caught === thrown, ids: ids.rows }
    })
    expect(outcome.proxied).toEqual(outcome.local)
    expect(outcome.local).toEqual({ status: 'fulfilled', value: { caughtTheThrown: true, ids: [{ id: 10 }] } })
  })

  it('reports an aborted transaction on commit as TransactionAbortedError', async () => {
    const { local: expected, proxied } = await both((db) =>
      db.transaction(async (tx) => {
        await tx.query('SELECT nonsense').catch(() => undefined)
      }),
    )
    expect(rejection(proxied)).toBeInstanceOf(TransactionAbortedError)
    expect(rejection(proxied).code).toBe(rejection(expected).code)
  })

  it('holds statements from outside until the transaction ends', async () => {
    const order: string[] = []
    let commit!: () => void
    const open = new Promise<void>((resolve) => (commit = resolve))
    const transaction = proxy.transaction(async (tx) => {
      await tx.query('INSERT INTO child VALUES (20, 2)')
      await open
      order.push('commit')
    })
    const outside = proxy.query<{ n: number }>('SELECT count(*)::int AS n FROM child WHERE id = 20').then((result) => {
      order.push('outside')
      return result.rows[0]!.n
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    commit()
    await transaction
    expect(await outside).toBe(1)
    expect(order).toEqual(['commit', 'outside'])
    await proxy.query('DELETE FROM child WHERE id = 20')
  })
})

describe('PGliteProxy lifetime', () => {
  it('rejects pending and later calls when the worker dies', async () => {
    const doomed = await PGliteProxy.create()
    const pending = doomed.query('SELECT pg_sleep(1)')
    await workerOf(doomed).terminate()
    await expect(pending).rejects.toThrow(/PGlite worker exited unexpectedly/)
    await expect(doomed.query('SELECT 1')).rejects.toThrow(/PGlite worker exited unexpectedly/)
    await doomed.close()
  })

  it('stops the worker on close', async () => {
    const closing = await PGliteProxy.create()
    await closing.close()
    expect(workerOf(closing).threadId).toBe(-1)
    await expect(closing.query('SELECT 1')).rejects.toThrow('the database is closed')
  })
})

describe('PGliteProxy data directory', () => {
  it('creates the database in a new directory, keeps what was written when opened again, and says why when it cannot', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'pglite-proxy-')), 'data')
    try {
      const first = await PGliteProxy.create(dataDir)
      await first.exec('CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$written$$)')
      await first.close()
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true)
      const again = await PGliteProxy.create(dataDir)
      expect((await again.query('SELECT note FROM kept')).rows).toEqual([{ note: 'written' }])
      await again.close()

      const notADirectory = join(dataDir, 'PG_VERSION', 'inside')
      await expect(PGliteProxy.create(notADirectory)).rejects.toThrow(`the embedded database could not be created in ${notADirectory}`)
    } finally {
      rmSync(dirname(dataDir), { recursive: true, force: true })
    }
  })
})

describe('Prisma over the proxy', () => {
  let db: Database
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' })
    await migrate(db)
  })
  afterAll(() => db?.close())

  it('maps unique and foreign key violations to Prisma’s known errors', async () => {
    const board = await createBoard(db, 'Board')
    await expect(db.prisma.board.create({ data: { id: board.id, name: 'again' } })).rejects.toMatchObject({ code: 'P2002' })
    await expect(db.prisma.boardUpdate.create({ data: { boardId: 'nope', data: new Uint8Array([1]) } })).rejects.toMatchObject({
      code: 'P2003',
    })
  })

  it('round-trips bytes, bigint ids and dates through an interactive transaction', async () => {
    const board = await createBoard(db, 'Bytes')
    const data = new Uint8Array([0, 1, 2, 253, 254, 255])
    const row = await db.prisma.$transaction((tx) => tx.boardUpdate.create({ data: { boardId: board.id, data } }))
    expect(typeof row.id).toBe('bigint')
    expect(row.createdAt).toBeInstanceOf(Date)
    const read = await db.prisma.boardUpdate.findUniqueOrThrow({ where: { id: row.id } })
    expect(new Uint8Array(read.data)).toEqual(data)
    expect(read.createdAt).toEqual(row.createdAt)
  })
})

function adapterOver(client: PGlite | PGliteProxy): Promise<SqlDriverAdapter> {
  return new PrismaPGlite(client as PGlite).connect()
}

function rejection<T>(result: PromiseSettledResult<T>): messages.DatabaseError {
  if (result.status === 'fulfilled') throw new Error('expected a rejection')
  return result.reason as messages.DatabaseError
}

/** The worker thread, to kill it or see that it stopped. */
function workerOf(proxy: PGliteProxy): Worker {
  return (proxy as unknown as { worker: Worker }).worker
}
