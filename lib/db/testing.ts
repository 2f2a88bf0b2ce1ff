import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import * as Y from 'yjs'
import { type Database, type DatabaseTarget, openDatabase } from './client.ts'
import { migrate } from './migrate.ts'

/** The machine's PostgreSQL server, used when TEST_DATABASE_URL names none. */
export const defaultTestPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test'

/**
 * The databases the tests run on: the embedded PGlite, and a PostgreSQL server
 * (chosen, or started, by testPostgres.ts before the workers start), where each
 * suite gets a schema of its own. A missing PostgreSQL fails the tests; it
 * never skips them.
 */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? defaultTestPostgresUrl

export interface TestDatabase {
  target: DatabaseTarget
  /** The environment a child server process needs to open the same data. */
  env: Record<string, string>
  drop(): Promise<void>
}

export type TestDatabaseKind = 'pglite' | 'postgres'
export const testDatabaseKinds: TestDatabaseKind[] = ['pglite', 'postgres']

export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'eventstorm-test-'))
    return {
      target: { kind: 'pglite', dataDir },
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  await withClient((client) => client.query(`CREATE SCHEMA "${schema}"`))
  const url = `${testPostgresUrl}${testPostgresUrl.includes('?') ? '&' : '?'}schema=${schema}`
  return {
    target: { kind: 'postgres', url },
    env: { DATABASE_URL: url },
    drop: async () => {
      await withClient((client) => client.query(`DROP SCHEMA "${schema}" CASCADE`))
    },
  }
}

/** A fresh test database of `kind`, opened and migrated; `close` closes and drops it. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await createTestDatabase(kind)
  const db = await openDatabase(database.target)
  await migrate(db)
  return {
    db,
    close: async () => {
      await db.close()
      await database.drop()
    },
  }
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Yjs structs (client id and clock range) that more than one stored row holds: an update written twice. */
export function overlappingStructs(rows: Uint8Array[]): string[] {
  const ranges = new Map<number, { from: number; to: number }[]>()
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row).structs) {
      if (struct instanceof Y.Skip) continue
      const list = ranges.get(struct.id.client) ?? []
      list.push({ from: struct.id.clock, to: struct.id.clock + struct.length })
      ranges.set(struct.id.client, list)
    }
  }
  const overlaps: string[] = []
  for (const [client, list] of ranges) {
    list.sort((x, y) => x.from - y.from)
    for (let i = 1; i < list.length; i++) if (list[i]!.from < list[i - 1]!.to) overlaps.push(`client ${client} clock ${list[i]!.from}`)
  }
  return overlaps
}
