import { afterEach, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../lib/db/testing.ts'
import { freePort } from '../../lib/freePort.ts'
import { connectClient, type TestClient, waitFor, whenSynced } from '../testing/clients.ts'
import { type ServerProcess, createBoardBeforeServers, killHard, spawnServer, unexpectedErrors } from '../testing/serverProcesses.ts'
import { testSecret, testToken } from '../testing/servers.ts'

/**
 * Durability against a crash: the server runs as a child process
 * (server/testing/realtimeProcess.ts) that is killed with SIGKILL, so nothing
 * in it gets a chance to flush, and is restarted on the same port and data.
 */

const writeIntervalMs = 200
/** Long enough that unloading an idle board (which flushes) never happens during a test. */
const unloadDelayMs = 60_000
const testTimeoutMs = 120_000

describe.each(testDatabaseKinds)('durability on %s', (kind) => {
  let database: TestDatabase | undefined
  const processes: ServerProcess[] = []
  const clients: TestClient[] = []

  const client = (port: number, boardId: string) => {
    const c = connectClient(port, boardId, { token: testToken(boardId) })
    clients.push(c)
    return c
  }

  const startServerProcess = async (port: number): Promise<ServerProcess> => {
    const server = await spawnServer({
      ...database!.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WRITE_INTERVAL_MS: String(writeIntervalMs),
      UNLOAD_DELAY_MS: String(unloadDelayMs),
      SECRET: testSecret,
    })
    processes.push(server)
    return server
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await Promise.all(processes.splice(0).map(killHard))
    await database?.drop()
    database = undefined
  })

  test(
    'a client that keeps editing while the server is killed and restarted loses none of its edits',
    async () => {
      database = await createTestDatabase(kind)
      const boardId = await createBoardBeforeServers(database, 'Durability board')
      const port = await freePort()
      let server = await startServerProcess(port)

      const alice = client(port, boardId)
      let syncs = 0
      alice.provider.on('sync', (synced: boolean) => {
        if (synced) syncs += 1
      })
      await whenSynced(alice)

      let edits = 0
      const editing = setInterval(() => {
        alice.stickies.set(`edit-${edits}`, `Event ${edits}`)
        edits += 1
      }, 10)
      let editsBeforeKill: number
      let editsWhileDown: number
      try {
        await waitFor(() => edits >= 50, 10_000, 'edits before the kill')
        editsBeforeKill = edits
        await killHard(server)
        server = await startServerProcess(port)
        editsWhileDown = edits - editsBeforeKill
        await waitFor(() => syncs >= 2, 30_000, 'the client to reconnect and sync')
        const editsAtReconnect = edits
        await waitFor(() => edits >= editsAtReconnect + 30, 10_000, 'edits after the reconnection')
      } finally {
        clearInterval(editing)
      }
      // The kill really happened mid-editing: the client edited before it and while the server was down.
      expect(editsBeforeKill).toBeGreaterThan(0)
      expect(editsWhileDown).toBeGreaterThan(0)

      const expected = Array.from({ length: edits }, (_, i) => `edit-${i}`).sort()
      const bob = client(port, boardId)
      await whenSynced(bob)
      await waitFor(() => bob.stickies.size >= edits, 10_000, 'every edit at a fresh client').catch(() => {})
      expect(missing(expected, bob.stickies.keys())).toEqual([])
      expect(bob.stickies.keys().sort()).toEqual(expected)
      expect(bob.stickies.toJSON()).toEqual(alice.stickies.toJSON())
      expect(unexpectedErrors(server.stderr())).toEqual([])
    },
    testTimeoutMs,
  )

  test(
    'an edit older than the write interval survives a SIGKILL after every client has left',
    async () => {
      database = await createTestDatabase(kind)
      const boardId = await createBoardBeforeServers(database, 'Durability board')
      const port = await freePort()
      let server = await startServerProcess(port)

      const alice = client(port, boardId)
      const bob = client(port, boardId)
      await Promise.all([whenSynced(alice), whenSynced(bob)])
      const expected: Record<string, unknown> = {}
      for (let i = 0; i < 20; i++) {
        expected[`sticky-${i}`] = `Event ${i}`
        alice.stickies.set(`sticky-${i}`, `Event ${i}`)
      }
      // Bob has them only through the server, so the server has them too.
      await waitFor(() => bob.stickies.size === 20, 10_000, 'the edits to reach the server')
      alice.destroy()
      bob.destroy()

      // Well past the write interval; the board stays loaded (no unload flush).
      await sleep(3 * writeIntervalMs)
      await killHard(server)
      expect(unexpectedErrors(server.stderr())).toEqual([])

      server = await startServerProcess(port)
      const carol = client(port, boardId)
      await whenSynced(carol)
      expect(carol.stickies.toJSON()).toEqual(expected)
      expect(unexpectedErrors(server.stderr())).toEqual([])
    },
    testTimeoutMs,
  )
})

function missing(expected: string[], actual: string[]): string[] {
  const have = new Set(actual)
  return expected.filter((key) => !have.has(key))
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
