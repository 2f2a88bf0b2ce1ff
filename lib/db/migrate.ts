import type { Database } from './client.ts'
import { noFilters, readMigrations, withSchemaEngine } from './schemaEngine.ts'

/**
 * Applies the committed migrations that the database lacks, recording them in
 * `_prisma_migrations` as `prisma migrate deploy` does. Safe to run on every
 * start, and from several instances at once (the engine takes a lock).
 */
export async function migrate(database: Database): Promise<string[]> {
  return withSchemaEngine(database.adapterFactory, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilters })
    return appliedMigrationNames
  })
}
