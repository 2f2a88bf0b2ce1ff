import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { readConfig } from '../config.ts'
import { PrismaClient } from './generated/client.ts'
import { PGliteProxy } from './pgliteProxy.ts'

/** Where the data lives: the embedded PGlite (a directory, or memory) or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string }

export interface Database {
  prisma: PrismaClient
  target: DatabaseTarget
  /** The adapter factory, for the schema engine that applies migrations. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory
  close(): Promise<void>
}

export function targetFromConfig(config = readConfig()): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const { connectionString, schema } = splitSchema(target.url)
    const adapterFactory = new PrismaPg(
      { connectionString, ...(schema && { options: `-c search_path="${schema}"` }) },
      schema ? { schema } : undefined,
    )
    const prisma = new PrismaClient({ adapter: adapterFactory })
    return { prisma, target, adapterFactory, close: () => prisma.$disconnect() }
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true })
  // PGlite runs in a worker thread: its statements would otherwise block the
  // event loop that fans edits out to the other clients. The adapter only
  // calls what the proxy implements (query, exec, transaction).
  const pglite = await PGliteProxy.create(target.dataDir)
  const adapterFactory = new PrismaPGlite(pglite as unknown as PGlite)
  const prisma = new PrismaClient({ adapter: adapterFactory })
  return {
    prisma,
    target,
    adapterFactory,
    close: async () => {
      await prisma.$disconnect()
      await pglite.close()
    },
  }
}

/**
 * Prisma's `?schema=name` convention: the tables live in that PostgreSQL
 * schema. The driver does not know the parameter, so it is taken out.
 */
function splitSchema(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url)
  const schema = parsed.searchParams.get('schema') ?? undefined
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error('the schema parameter of DATABASE_URL must be a plain PostgreSQL identifier')
  }
  parsed.searchParams.delete('schema')
  return { connectionString: parsed.toString(), schema }
}

// PGlite allows one instance per data directory and process. The custom server
// and Next's route handlers (bundled separately) share it through globalThis,
// which also survives dev-mode module reloads.
const key = Symbol.for('eventstorm.database')
type Holder = { [key]?: Promise<Database> }

/** The process-wide database, opened on first use from the environment. */
export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder
  holder[key] ??= openDatabase(targetFromConfig())
  return holder[key]
}

/** Installs an already opened database as the process-wide one (server start, tests). */
export function setDatabase(database: Database): void {
  ;(globalThis as Holder)[key] = Promise.resolve(database)
}
