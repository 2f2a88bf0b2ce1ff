import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { signCapability } from '../../lib/auth/capabilityToken.ts'
import { linkKey } from '../../lib/auth/linkKey.ts'
import { rotateLink } from '../../lib/auth/rotateLink.ts'
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../lib/db/testing.ts'
import type { RunningServer } from '../app.ts'
import { connectClient, stickyIn, type TestClient, upgradeStatus, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'

describe.each(testDatabaseKinds)('who may open a board’s websocket, on %s', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  let boardId: string
  let otherBoardId: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
    boardId = await createTestBoard(server)
    otherBoardId = await createTestBoard(server, 'Other board')
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
    await database.drop()
  })

  const join = async (role: 'facilitator' | 'participant' | 'viewer', generation = 0) => {
    const client = connectClient(server.port, boardId, { token: testToken(boardId, role, generation) })
    clients.push(client)
    await whenSynced(client)
    return client
  }
  const status = (token?: string, board = boardId) => upgradeStatus(server.port, `/yjs/${board}${token === undefined ? '' : `?token=${token}`}`)

  test('no token, a forged one, or one signed with another secret is refused with 401, before the board is loaded', async () => {
    const genuine = testToken(boardId)
    const [v, id, , generation, mac] = genuine.split('.')
    expect(await status()).toBe(401)
    expect(await status('')).toBe(401)
    expect(await status('not-a-token')).toBe(401)
    expect(await status([v, id, 'facilitator', generation, mac].join('.'))).toBe(401)
    expect(await status(signCapability(Buffer.alloc(32, 7), { boardId, role: 'facilitator', generation: 0 }))).toBe(401)
    expect(server.realtime.openBoardIds).toEqual([])
  })

  test('a genuine token of another board is refused with 403', async () => {
    expect(await status(testToken(otherBoardId, 'facilitator'))).toBe(403)
    expect(server.realtime.openBoardIds).toEqual([])
  })

  test('a token in the Authorization header works as well as one in the query', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/yjs/${boardId}`, { headers: { authorization: `Bearer ${testToken(boardId)}` } })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    socket.close()
  })

  test('a viewer receives every edit live, and its own updates reach neither the board nor anyone else', async () => {
    const alice = await join('participant')
    const viewer = await join('viewer')
    const bob = await join('participant')
    const denied: string[] = []
    const originalWarn = console.warn
    console.warn = (...args: unknown[]) => void denied.push(args.map(String).join(' '))
    try {
      alice.stickies.set('from-alice', 'Order Placed')
      await waitFor(() => viewer.stickies.get('from-alice') === 'Order Placed', 5000, 'the viewer to see the edit')

      viewer.stickies.set('from-viewer', 'Sneaky')
      viewer.stickies.delete('from-alice')
      await waitFor(() => denied.some((message) => /Permission denied/i.test(message)), 5000, 'the server to tell the viewer')

      alice.stickies.set('after', 'Payment Taken')
      await waitFor(() => bob.stickies.get('after') === 'Payment Taken', 5000, 'a later edit')
      const { doc } = await server.realtime.open(boardId)
      expect(stickyIn(doc, 'from-viewer')).toBeUndefined()
      expect(stickyIn(doc, 'from-alice')).toBe('Order Placed')
      expect(bob.stickies.has('from-viewer')).toBe(false)
      expect(bob.stickies.get('from-alice')).toBe('Order Placed')
    } finally {
      console.warn = originalWarn
    }
  })

  test('rotating a role’s links refuses its old tokens and closes the connections opened with them, and only those', async () => {
    const viewer = await join('viewer')
    const participant = await join('participant')
    const closed = new Promise<number>((resolve) => viewer.provider.ws?.addEventListener('close', (event) => resolve(event.code)))

    const link = await rotateLink(server.database, linkKey(), 'http://board.test', boardId, 'viewer')
    expect(link).toMatch(new RegExp(`^http://board\\.test/b/${boardId}#token=v1\\.${boardId}\\.viewer\\.1\\.`))
    expect(await closed).toBe(4401)
    expect(await status(testToken(boardId, 'viewer', 0))).toBe(401)
    expect(await status(testToken(boardId, 'viewer', 1))).toBe(101)
    expect(participant.provider.wsconnected).toBe(true)
  })
})

describe('links across instances', () => {
  let database: TestDatabase
  const servers: RunningServer[] = []

  afterAll(async () => {
    for (const server of servers) await server.close()
    await database?.drop()
  })

  test('instances that share SECRET accept each other’s links; one with another secret refuses them', async () => {
    database = await createTestDatabase('postgres')
    const first = await startTestServer(database.target)
    const second = await startTestServer(database.target)
    const stranger = await startTestServer(database.target, { secret: 'another-secret-'.padEnd(64, 'y') })
    servers.push(first, second, stranger)
    const boardId = await createTestBoard(first)
    const path = `/yjs/${boardId}?token=${testToken(boardId)}`
    expect(await upgradeStatus(first.port, path)).toBe(101)
    expect(await upgradeStatus(second.port, path)).toBe(101)
    expect(await upgradeStatus(stranger.port, path)).toBe(401)

    await rotateLink(first.database, linkKey(), 'http://board.test', boardId, 'participant')
    expect(await upgradeStatus(second.port, path)).toBe(401)
  })
})
