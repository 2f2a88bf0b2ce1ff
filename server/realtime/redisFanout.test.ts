import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { linkKey } from '../../lib/auth/linkKey.ts'
import { rotateLink } from '../../lib/auth/rotateLink.ts'
import { openDatabase } from '../../lib/db/client.ts'
import { createTestDatabase, overlappingStructs, type TestDatabase } from '../../lib/db/testing.ts'
import { freePort } from '../../lib/freePort.ts'
import { connectClient, type TestClient, stickyIn, waitFor, whenSynced } from '../testing/clients.ts'
import { type OwnRedis, ownRedis, requireRedis } from '../testing/redis.ts'
import { type ServerProcess, createBoardBeforeServers, killHard, spawnServer, stopGently, unexpectedErrors } from '../testing/serverProcesses.ts'
import { startTestServer, testSecret, testToken } from '../testing/servers.ts'
import type { RunningServer } from '../app.ts'
import { closeCodes } from './connection.ts'

/**
 * Several instances on one PostgreSQL database and one Redis, each a child
 * process (server/testing/realtimeProcess.ts), with real y-websocket clients
 * on each: what people on different instances see of each other, and what
 * the database ends up holding.
 */

const redis = await requireRedis()
const testTimeoutMs = 120_000
/** Nothing is written during a test unless it waits this long: what a late instance gets comes from its peers. */
const unsavedWriteIntervalMs = 60_000

describe('several instances through Redis', () => {
  let database: TestDatabase | undefined
  const processes: ServerProcess[] = []
  const clients: TestClient[] = []
  const ownRedisServers: OwnRedis[] = []
  const inProcess: RunningServer[] = []

  beforeEach((context) => {
    if ('reason' in redis) context.skip(redis.reason)
  })

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await Promise.all(processes.splice(0).map(killHard))
    await Promise.all(inProcess.splice(0).map((server) => server.close()))
    await Promise.all(ownRedisServers.splice(0).map((r) => r.stop()))
    await database?.drop()
    database = undefined
  })

  const instance = async (redisUrl: string, options: { port?: number; writeIntervalMs?: number } = {}) => {
    const server = await spawnServer({
      ...database!.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      WRITE_INTERVAL_MS: String(options.writeIntervalMs ?? unsavedWriteIntervalMs),
      UNLOAD_DELAY_MS: '60000',
      SECRET: testSecret,
      REDIS_URL: redisUrl,
    })
    processes.push(server)
    return server
  }

  const client = async (server: ServerProcess, boardId: string, name: string) => {
    const c = connectClient(server.port, boardId, { token: testToken(boardId) })
    clients.push(c)
    c.provider.awareness.setLocalStateField('user', { name })
    await whenSynced(c)
    return c
  }

  const boardWithDatabase = async () => {
    database = await createTestDatabase('postgres')
    return createBoardBeforeServers(database, 'Several instances')
  }

  /**
   * Instance A accepts Alice's sticky and never writes it in time (a minute's
   * write interval); B shows it to Bob; Alice leaves and A is killed. The
   * sticky is then only in B's memory.
   */
  const killedWithAnUnwrittenEdit = async (port?: number) => {
    const boardId = await boardWithDatabase()
    const a = await instance(redis.url!, { port })
    const b = await instance(redis.url!, { writeIntervalMs: 50 })
    const alice = await client(a, boardId, 'Alice')
    const bob = await client(b, boardId, 'Bob')
    alice.stickies.set('only-in-memory', 'Order placed')
    await waitFor(() => bob.stickies.has('only-in-memory'), 10_000, 'Alice’s sticky at Bob')
    alice.destroy()
    await killHard(a)
    return { boardId, b }
  }

  test(
    'people on two instances see each other’s edits and cursors; a third instance opened later gets the unsaved edits; each update is stored once',
    async () => {
      const boardId = await boardWithDatabase()
      const [a, b] = [await instance(redis.url!), await instance(redis.url!)]
      const alice = await client(a, boardId, 'Alice')
      const bob = await client(b, boardId, 'Bob')

      alice.stickies.set('from-alice', 'Order placed')
      await waitFor(() => bob.stickies.get('from-alice') === 'Order placed', 10_000, 'Alice’s sticky at Bob')
      bob.stickies.set('from-bob', 'Payment received')
      await waitFor(() => alice.stickies.get('from-bob') === 'Payment received', 10_000, 'Bob’s sticky at Alice')
      await waitFor(() => seesPerson(bob, 'Alice') && seesPerson(alice, 'Bob'), 10_000, 'each other’s cursors')

      // Nothing is stored yet (the write interval is a minute): a third instance can only learn the edits from the others.
      expect(await storedRows(boardId)).toEqual([])
      const c = await instance(redis.url!)
      const carol = await client(c, boardId, 'Carol')
      await waitFor(() => carol.stickies.has('from-alice') && carol.stickies.has('from-bob'), 10_000, 'the unsaved edits at Carol')
      expect(carol.stickies.toJSON()).toEqual({ 'from-alice': 'Order placed', 'from-bob': 'Payment received' })
      await waitFor(() => seesPerson(carol, 'Alice') && seesPerson(carol, 'Bob'), 10_000, 'the others’ cursors at Carol')
      carol.stickies.set('from-carol', 'Parcel shipped')
      await waitFor(() => alice.stickies.has('from-carol') && bob.stickies.has('from-carol'), 10_000, 'Carol’s sticky at the others')

      // Stopping saves each instance's open boards: each keeps only what its own clients sent.
      await Promise.all([a, b, c].map(stopGently))
      expect(await stored(boardId, ['from-alice', 'from-bob', 'from-carol'])).toEqual({
        overlaps: [],
        stickies: { 'from-alice': 'Order placed', 'from-bob': 'Payment received', 'from-carol': 'Parcel shipped' },
      })
      for (const server of [a, b, c]) expect(unexpectedErrors(server.stderr())).toEqual([])
    },
    testTimeoutMs,
  )

  test(
    'an instance killed with SIGKILL and restarted loses no edit that another instance or a client holds',
    async () => {
      const boardId = await boardWithDatabase()
      const port = await freePort()
      let a = await instance(redis.url!, { port, writeIntervalMs: 50 })
      const b = await instance(redis.url!, { writeIntervalMs: 50 })
      const alice = await client(a, boardId, 'Alice')
      const bob = await client(b, boardId, 'Bob')
      alice.stickies.set('before', 'Order placed')
      await waitFor(() => bob.stickies.has('before'), 10_000, 'the first sticky at Bob')
      // Stored by A before it dies: what the restart must keep are the edits made while it is down.
      // (Not just any row: loading the board stores its schema first.)
      await until(async () => (await stored(boardId, ['before'])).stickies.before !== undefined, 'the first sticky stored')

      await killHard(a)
      // While it is down, Alice (her browser keeps her edits) and Bob (on the other instance) go on editing.
      alice.stickies.set('alice-while-down', 'Invoice sent')
      bob.stickies.set('bob-while-down', 'Stock reserved')
      a = await instance(redis.url!, { port, writeIntervalMs: 50 })
      const dave = await client(a, boardId, 'Dave')
      const expected = { before: 'Order placed', 'alice-while-down': 'Invoice sent', 'bob-while-down': 'Stock reserved' }
      for (const [who, c] of Object.entries({ alice, bob, dave })) {
        await waitFor(() => Object.keys(expected).every((key) => c.stickies.has(key)), 20_000, `every edit at ${who}`)
        expect(c.stickies.toJSON()).toEqual(expected)
      }

      await Promise.all([a, b].map(stopGently))
      expect(await stored(boardId, Object.keys(expected))).toEqual({ overlaps: [], stickies: expected })
    },
    testTimeoutMs,
  )

  test(
    'an edit an instance accepted but had not written when it was killed, and whose client left, is stored once by the instance still holding it',
    async () => {
      const port = await freePort()
      const { boardId, b } = await killedWithAnUnwrittenEdit(port)
      expect((await stored(boardId, ['only-in-memory'])).stickies['only-in-memory']).toBeUndefined()

      await until(async () => (await stored(boardId, ['only-in-memory'])).stickies['only-in-memory'] !== undefined, 'B to store what A left unwritten', 20_000)
      const a = await instance(redis.url!, { port })
      const carol = await client(a, boardId, 'Carol')
      await waitFor(() => carol.stickies.has('only-in-memory'), 10_000, 'the sticky at a new client on the restarted A')
      await Promise.all([a, b].map(stopGently))
      expect(await stored(boardId, ['only-in-memory'])).toEqual({ overlaps: [], stickies: { 'only-in-memory': 'Order placed' } })
      expect(b.stderr()).toMatch(/stored edits that instance .* accepted but had not written/)
    },
    testTimeoutMs,
  )

  test(
    'an instance stopping before a dead peer is taken for dead stores the edits that peer accepted but had not written',
    async () => {
      const { boardId, b } = await killedWithAnUnwrittenEdit()
      // At once: A's presence in Redis outlives it by seconds, and B is the last to hold the sticky.
      await stopGently(b)
      expect(await stored(boardId, ['only-in-memory'])).toEqual({ overlaps: [], stickies: { 'only-in-memory': 'Order placed' } })
    },
    testTimeoutMs,
  )

  test(
    'replacing a link on one instance closes the old link’s connections on the others',
    async () => {
      const boardId = await boardWithDatabase()
      // The instance that replaces the link runs in this process, as the route handler would call it.
      const a = await startTestServer(database!.target, { redisUrl: redis.url! })
      inProcess.push(a)
      const b = await instance(redis.url!)
      const bob = await client(b, boardId, 'Bob')
      const closes: number[] = []
      bob.provider.on('connection-close', (event) => {
        if (event) closes.push(event.code)
      })
      const newLink = await rotateLink(a.database, linkKey(), 'http://localhost', boardId, 'participant')
      expect(newLink).toContain(boardId)
      await waitFor(() => closes.includes(closeCodes.revoked), 10_000, 'Bob’s old link to be closed on the other instance')
    },
    testTimeoutMs,
  )

  test(
    'with Redis restarted mid-session, each instance keeps serving its clients, says so once, and both catch up when it is back',
    async () => {
      const boardId = await boardWithDatabase()
      const own = ownRedis(await freePort())
      ownRedisServers.push(own)
      await own.start()
      const [a, b] = [await instance(own.url), await instance(own.url)]
      const alice = await client(a, boardId, 'Alice')
      const alicePartner = await client(a, boardId, 'Alice’s colleague')
      const bob = await client(b, boardId, 'Bob')
      alice.stickies.set('before', 'Order placed')
      await waitFor(() => bob.stickies.has('before'), 10_000, 'the first sticky at Bob')

      await own.stop()
      await waitFor(() => /Redis is unreachable/.test(a.stderr()) && /Redis is unreachable/.test(b.stderr()), 10_000, 'both instances to notice')
      alice.stickies.set('alice-during', 'Invoice sent')
      bob.stickies.set('bob-during', 'Stock reserved')
      // The instance still serves its own clients.
      await waitFor(() => alicePartner.stickies.has('alice-during'), 10_000, 'Alice’s sticky at her colleague on the same instance')
      expect(bob.stickies.has('alice-during')).toBe(false)

      await own.start()
      const everything = ['before', 'alice-during', 'bob-during']
      await waitFor(() => [alice, alicePartner, bob].every((c) => everything.every((key) => c.stickies.has(key))), 20_000, 'both sides to catch up')
      await waitFor(() => /Redis is back/.test(a.stdout()) && /Redis is back/.test(b.stdout()), 10_000, 'both instances to say Redis is back')
      for (const server of [a, b]) expect(server.stderr().match(/Redis is unreachable/g)).toHaveLength(1)
    },
    testTimeoutMs,
  )

  /** The stickies the database holds for the board, and any update it holds twice (Yjs structs in more than one row). */
  async function stored(boardId: string, keys: string[]): Promise<{ overlaps: string[]; stickies: Record<string, string | undefined> }> {
    const rows = await storedRows(boardId)
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, row)
    return { overlaps: overlappingStructs(rows), stickies: Object.fromEntries(keys.map((key) => [key, stickyIn(doc, key)])) }
  }

  /** What the database holds for the board: the snapshot, if any, then the log. */
  async function storedRows(boardId: string): Promise<Uint8Array[]> {
    const db = await openDatabase(database!.target)
    try {
      const snapshot = await db.prisma.boardSnapshot.findUnique({ where: { boardId }, select: { data: true } })
      const log = await db.prisma.boardUpdate.findMany({ where: { boardId }, orderBy: { id: 'asc' }, select: { data: true } })
      return [...(snapshot ? [snapshot.data] : []), ...log.map((row) => row.data)]
    } finally {
      await db.close()
    }
  }
})

async function until(condition: () => Promise<boolean>, label: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function seesPerson(client: TestClient, name: string): boolean {
  return [...client.provider.awareness.getStates().values()].some((state) => (state as { user?: { name?: string } }).user?.name === name)
}
