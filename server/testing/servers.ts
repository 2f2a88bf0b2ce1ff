import { signCapability } from '../../lib/auth/capabilityToken.ts'
import type { Role } from '../../lib/auth/roles.ts'
import { deriveKey } from '../../lib/auth/serverSecret.ts'
import { readConfig, type Config } from '../../lib/config.ts'
import { createBlankBoard } from '../../lib/boardFile/importBoard.ts'
import { type DatabaseTarget, openDatabase } from '../../lib/db/client.ts'
import { type RunningServer, startServer } from '../app.ts'

/** Every test server signs links with this secret, so tests can make tokens and forge others. */
export const testSecret = 'test-secret-'.padEnd(64, 'x')

/** A realtime server in this process on a free port, over the given database. */
export async function startTestServer(target: DatabaseTarget, overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...readConfig({}), port: 0, host: '127.0.0.1', writeIntervalMs: 20, unloadDelayMs: 100, secret: testSecret, ...overrides }
  return startServer({ config, database: await openDatabase(target), web: false })
}

export async function createTestBoard(server: RunningServer, name = 'Test board'): Promise<string> {
  return (await createBlankBoard(server.database, name)).id
}

/** The token of a role's link to a board, as the server signs it (first generation unless given). */
export function testToken(boardId: string, role: Role = 'participant', generation = 0): string {
  return signCapability(deriveKey(Buffer.from(testSecret), 'capability-links'), { boardId, role, generation })
}
