import { afterEach, describe, expect, test } from 'vitest'
import { listAudit } from '../../lib/db/auditLog.ts'
import { listVersions } from '../../lib/db/boardVersions.ts'
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../lib/db/testing.ts'
import { restoreVersion, saveNamedVersion } from '../../lib/history/versions.ts'
import type { RunningServer } from '../app.ts'
import { connectClient, stickyIn, type TestClient, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'

const facilitator = { id: 'http:test', rights: { role: 'facilitator' as const, readOnly: false }, displayName: undefined }

describe.each(testDatabaseKinds)('a board’s history on %s', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  const clients: TestClient[] = []

  const start = async (versionIntervalMs = 60 * 60_000) => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target, { versionIntervalMs })
  }
  const join = async (boardId: string, name: string) => {
    const client = connectClient(server.port, boardId, { token: testToken(boardId) })
    clients.push(client)
    await whenSynced(client)
    client.provider.awareness.setLocalStateField('user', { name })
    return client
  }
  const place = async (client: TestClient, count: number) => {
    for (let i = 0; i < count; i++) client.stickies.set(`sticky-${i}`, `Event ${i}`)
    const { doc } = await server.realtime.open(client.provider.roomname)
    await waitFor(() => stickyIn(doc, `sticky-${count - 1}`) !== undefined, 5000, 'the stickies on the server')
  }
  /** Versions and the audit are written in the background: polls until `found` holds. */
  async function eventually<T>(read: () => Promise<T>, found: (value: T) => boolean, label: string): Promise<T> {
    const deadline = Date.now() + 5000
    for (;;) {
      const value = await read()
      if (found(value)) return value
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close()
    await database?.drop()
  })

  test('deleting most of the board at once keeps the board as it was just before, naming who did it', async () => {
    await start()
    const boardId = await createTestBoard(server)
    const bob = await join(boardId, 'Bob')
    await place(bob, 6)

    bob.doc.transact(() => {
      for (let i = 0; i < 6; i++) bob.stickies.delete(`sticky-${i}`)
    })
    const versions = await eventually(
      () => listVersions(server.database, boardId),
      (all) => all.some((version) => version.reason === 'before-deletion'),
      'a version before the deletion',
    )
    expect(versions.find((version) => version.reason === 'before-deletion')).toMatchObject({
      label: 'Before Bob (participant) deleted 6 items',
      records: 8,
    })
  })

  test('a facilitator restores a version: everyone sees the board come back, and the board before the restore is kept too', async () => {
    await start()
    const boardId = await createTestBoard(server)
    const alice = await join(boardId, 'Alice')
    const bob = await join(boardId, 'Bob')
    await place(alice, 3)
    const named = await saveNamedVersion(server.database, boardId, 'Three events', facilitator)
    expect(named).toMatchObject({ reason: 'named', label: 'Three events', records: 5 })

    bob.doc.transact(() => {
      for (let i = 0; i < 3; i++) bob.stickies.delete(`sticky-${i}`)
    })
    bob.stickies.set('late', 'Added after')
    await waitFor(() => alice.stickies.size === 1, 5000, 'the deletion at Alice')

    const result = await restoreVersion(server.database, boardId, named!.id, facilitator)
    expect(result?.restored.id).toBe(named!.id)
    await waitFor(() => alice.stickies.size === 3 && bob.stickies.size === 3, 5000, 'the board to come back for everyone')
    expect(bob.stickies.toJSON()).toEqual({ 'sticky-0': 'Event 0', 'sticky-1': 'Event 1', 'sticky-2': 'Event 2' })

    const kept = (await listVersions(server.database, boardId)).find((version) => version.id === result!.keptAs.id)
    expect(kept).toMatchObject({ reason: 'before-restore', label: 'Before restoring “Three events”' })
    const undo = await restoreVersion(server.database, boardId, kept!.id, facilitator)
    expect(undo).not.toBeNull()
    await waitFor(() => alice.stickies.toJSON().late === 'Added after' && alice.stickies.size === 1, 5000, 'the restore to be undone')
  })

  test('a version of another board cannot be restored here', async () => {
    await start()
    const boardId = await createTestBoard(server)
    const other = await createTestBoard(server, 'Other')
    const alice = await join(other, 'Alice')
    await place(alice, 3)
    const version = await saveNamedVersion(server.database, other, 'Other board', facilitator)
    expect(await restoreVersion(server.database, boardId, version!.id, facilitator)).toBeNull()
    expect(await restoreVersion(server.database, boardId, 'not-an-id', facilitator)).toBeNull()
  })

  test('while a board is edited a version is kept at least every interval, from the board as it was before', async () => {
    await start(300)
    const boardId = await createTestBoard(server)
    const alice = await join(boardId, 'Alice')
    await place(alice, 3)
    const first = await eventually(() => listVersions(server.database, boardId), (all) => all.length > 0, 'the first autosave')
    await new Promise((resolve) => setTimeout(resolve, 400))
    alice.stickies.set('next', 'After a while')
    const versions = await eventually(() => listVersions(server.database, boardId), (all) => all.length > first.length, 'the next autosave')
    expect(versions.map((version) => version.reason)).toEqual(['periodic', 'periodic'])
    // Kept from the board as it was before the change that came after the interval.
    expect(versions[0]?.records).toBe(5)
  })

  test('the audit log records who connected with which role and the name they left with', async () => {
    await start()
    const boardId = await createTestBoard(server)
    const alice = await join(boardId, 'Alice')
    const viewer = connectClient(server.port, boardId, { token: testToken(boardId, 'viewer') })
    clients.push(viewer)
    await whenSynced(viewer)
    await waitFor(() => viewer.provider.awareness.getStates().has(alice.doc.clientID), 5000, "Alice's name to reach the server")
    alice.destroy()
    const events = await eventually(
      () => listAudit(server.database, boardId),
      (all) => all.some((event) => event.action === 'disconnected'),
      'the departure in the audit',
    )
    const byAction = (action: string) => events.filter((event) => event.action === action)
    expect(byAction('connected').map((event) => event.role).sort()).toEqual(['participant', 'viewer'])
    expect(byAction('disconnected')).toEqual([expect.objectContaining({ role: 'participant', actorName: 'Alice' })])
    expect(byAction('connected')[0]?.address).toMatch(/127\.0\.0\.1/)
  })
})
