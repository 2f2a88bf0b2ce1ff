import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../lib/db/testing.ts'
import type { RunningServer } from './app.ts'
import { upgradeAnswer } from './testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from './testing/servers.ts'

/** The guard in front of the app, through a real server: origins and security headers. */
describe('the guard in front of every request', () => {
  let database: TestDatabase
  let server: RunningServer
  let boardId: string
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`

  beforeAll(async () => {
    database = await createTestDatabase('pglite')
    server = await startTestServer(database.target, { allowedOrigins: ['https://other.example'] })
    boardId = await createTestBoard(server)
  })
  afterAll(async () => {
    await server?.close()
    await database?.drop()
  })

  test('a page of another origin cannot send a state-changing request', async () => {
    const response = await fetch(url('/api/boards'), { method: 'POST', headers: { origin: 'http://evil.example' } })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ error: 'forbidden origin' })
  })
  test('our own origin, an allowed one, or none at all gets through to the app', async () => {
    for (const origin of [url(''), 'https://other.example', undefined]) {
      const response = await fetch(url('/api/boards'), { method: 'POST', headers: origin ? { origin } : {} })
      // Without Next.js (web: false) the app answers 404 to whatever gets through.
      expect(response.status, String(origin)).toBe(404)
    }
  })
  test('reading is open to any origin: the same-origin policy keeps the answer from a foreign page', async () => {
    const response = await fetch(url('/api/boards'), { headers: { origin: 'http://evil.example' } })
    expect(response.status).toBe(404)
  })
  test('every answer, a refusal too, carries the security headers with a fresh nonce each time', async () => {
    const first = await fetch(url('/'))
    const refused = await fetch(url('/api/boards'), { method: 'POST', headers: { origin: 'http://evil.example' } })
    for (const response of [first, refused]) {
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}'/)
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect(first.headers.get('content-security-policy')).not.toBe(refused.headers.get('content-security-policy'))
  })
  test('a websocket opened by a page of another origin is refused with 403', async () => {
    expect(await upgradeAnswer(server.port, `/yjs/${boardId}`, 'http://evil.example')).toEqual({ status: 403, body: 'forbidden origin\n' })
    expect((await upgradeAnswer(server.port, `/yjs/${boardId}`, 'null')).status).toBe(403)
    expect(server.realtime.openBoardIds).toEqual([])
  })
  test('a websocket from our own origin, an allowed one, or a tool without an origin opens', async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, 'https://other.example', undefined]) {
      expect((await upgradeAnswer(server.port, `/yjs/${boardId}?token=${testToken(boardId)}`, origin)).status, String(origin)).toBe(101)
    }
  })
})
