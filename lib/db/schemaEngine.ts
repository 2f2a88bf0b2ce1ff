import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'

/**
 * Prisma's schema engine compiled to WebAssembly. Prisma 7's CLI would fetch a
 * native engine over the network; this one ships in an npm package. Its ESM
 * entry imports the .wasm file directly, which Node only allows behind a flag,
 * so the module is instantiated here by hand.
 */
async function loadEngineModule(): Promise<typeof import('@prisma/schema-engine-wasm')> {
  const require = createRequire(import.meta.url)
  const entry = require.resolve('@prisma/schema-engine-wasm')
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  const bytes = readFileSync(join(dirname(entry), 'schema_engine_bg.wasm'))
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports })
  bindings.__wbg_set_wasm(instance.exports)
  ;(instance.exports.__wbindgen_start as () => void)()
  return bindings as unknown as typeof import('@prisma/schema-engine-wasm')
}

let engineModule: ReturnType<typeof loadEngineModule> | undefined

export const schemaPath = resolve('prisma/schema.prisma')
export const migrationsDir = resolve('prisma/migrations')

/**
 * Runs work with a schema engine over the database, then frees the engine and
 * closes the connections it opened: freeing the engine alone would leave its
 * connection open, holding the session lock migrations take.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  engineModule ??= loadEngineModule()
  const { SchemaEngine } = await engineModule
  const opened: SqlDriverAdapter[] = []
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  }
  const remember = (adapter: SqlDriverAdapter) => (opened.push(adapter), adapter)
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error('[schema-engine]', message)
  }
  const datamodel = readFileSync(schemaPath, 'utf8')
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, log, bindMigrationAwareSqlAdapterFactory(tracked))
  try {
    return await work(engine)
  } finally {
    engine.free()
    await Promise.all(opened.map((adapter) => adapter.dispose()))
  }
}

/** The committed migrations, in the form the engine expects (`prisma migrate deploy` reads the same folder). */
export function readMigrations(dir = migrationsDir): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml')
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : []
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') } },
    })),
  }
}

export const noFilters = { externalTables: [], externalEnums: [] }
