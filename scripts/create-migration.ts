// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes
// the committed migrations to prisma/schema.prisma. It diffs over an in-memory
// PGlite (its shadow database is in memory too), so it needs no server and no
// network. Usage: npm run db:migration -- <name>
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../lib/db/client.ts'
import { migrationsDir, noFilters, readMigrations, schemaPath, withSchemaEngine } from '../lib/db/schemaEngine.ts'

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
if (!name) {
  console.error('Usage: npm run db:migration -- <name>')
  process.exit(2)
}

const lock = join(migrationsDir, 'migration_lock.toml')
if (!existsSync(lock)) {
  mkdirSync(migrationsDir, { recursive: true })
  writeFileSync(lock, 'provider = "postgresql"\n')
}

const database = await openDatabase({ kind: 'pglite' })
const { stdout } = await withSchemaEngine(database.adapterFactory, (engine) =>
  engine.diff({
    from: { tag: 'migrations', ...readMigrations() },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  }),
)
await database.close()

const sql = stdout ?? ''
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('The schema matches the migrations: nothing to write.')
  process.exit(0)
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = join(migrationsDir, `${stamp}_${name}`)
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'migration.sql'), sql)
console.log(`Wrote ${join(dir, 'migration.sql')}`)
