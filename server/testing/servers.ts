import { readConfig, type Config } from '../../lib/config.ts'
import { createBoard } from '../../lib/db/boards.ts'
import { type DatabaseTarget, openDatabase } from '../../lib/db/client.ts'
import { type RunningServer, startServer } from '../app.ts'

/** A realtime server in this process on a free port, over the given database. */
export async function startTestServer(target: DatabaseTarget, overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...readConfig({}), port: 0, host: '127.0.0.1', writeIntervalMs: 20, unloadDelayMs: 100, ...overrides }
  return startServer({ config, database: await openDatabase(target), web: false })
}

export async function createTestBoard(server: RunningServer, name = 'Test board'): Promise<string> {
  return (await createBoard(server.database, name)).id
}
