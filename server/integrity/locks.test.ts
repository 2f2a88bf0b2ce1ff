import type { TLRecord } from '@tldraw/tlschema'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { lockBoard, lockShapes } from '../../lib/facilitation/boardFacilitation.ts'
import { restoreVersion, saveNamedVersion } from '../../lib/history/versions.ts'
import { locksMap, readRecords } from '../../lib/ydoc/layout.ts'
import type { RunningServer } from '../app.ts'
import { connectClient, type TestClient, waitFor, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'

const facilitatorActor = { id: 'http:test', rights: { role: 'facilitator' as const, readOnly: false }, displayName: undefined }

/**
 * Locks hold on the server, not only in the browser: a participant's own
 * websocket sending what tldraw would never send (moving a locked sticky,
 * deleting the lock) is refused and closed, and the board stays as it was.
 */
describe('locked elements and a locked board, through the websocket', () => {
  let server: RunningServer
  let boardId: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite' })
  })
  afterAll(async () => {
    await server.close()
  })
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
  })

  async function join(role: 'facilitator' | 'participant') {
    const client = connectClient(server.port, boardId, { token: testToken(boardId, role) })
    clients.push(client)
    await whenSynced(client)
    return client
  }

  /** How the server closed the client's websocket; y-websocket stops reconnecting on 44xx. */
  const closeOf = (client: TestClient) =>
    new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('connection-close', (event: CloseEvent | null) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })))

  const serverDoc = async () => (await server.realtime.open(boardId)).doc
  const xOn = async (key: string) => (readRecords(await serverDoc()).find((r) => r.id === `shape:${key}`) as (TLRecord & { x: number }) | undefined)?.x

  const move = (client: TestClient, key: string, x: number) => {
    const record = client.records.get(`shape:${key}`)!
    client.records.set(record.id, { ...record, x } as TLRecord)
  }

  async function boardWithSticky() {
    boardId = await createTestBoard(server)
    const pat = await join('participant')
    pat.stickies.set('order-placed', 'Order Placed')
    await waitFor(() => readRecords(server.realtime.liveDoc(boardId)!).some((r) => r.id === 'shape:order-placed'), 5000, 'the sticky on the server')
    return pat
  }

  test('a participant moving a locked sticky is disconnected with the reason, and the sticky stays; a facilitator moves it', async () => {
    const pat = await boardWithSticky()
    await lockShapes(server.database, boardId, facilitatorActor, ['shape:order-placed'], true)
    await waitFor(() => locksMap(pat.doc).has('shape:order-placed'), 5000, 'the lock at the participant')
    // tldraw's own lock follows, so no browser lets anyone pick the sticky up.
    expect(pat.records.get('shape:order-placed')).toMatchObject({ isLocked: true })

    const closed = closeOf(pat)
    move(pat, 'order-placed', 900)
    expect(await closed).toEqual({ code: 4403, reason: 'update refused: shape:order-placed is locked: only facilitators change it' })
    expect(await xOn('order-placed')).toBe(0)

    const fay = await join('facilitator')
    move(fay, 'order-placed', 500)
    await waitFor(() => readRecords(server.realtime.liveDoc(boardId)!).some((r) => r.id === 'shape:order-placed' && (r as { x: number }).x === 500), 5000, 'the facilitator’s move')
  })

  test('restoring a version from before a lock keeps the element locked, tldraw’s padlock included, and still refuses the participant', async () => {
    const pat = await boardWithSticky()
    const before = await saveNamedVersion(server.database, boardId, 'Before the lock', facilitatorActor)
    await lockShapes(server.database, boardId, facilitatorActor, ['shape:order-placed'], true)
    await restoreVersion(server.database, boardId, before!.id, facilitatorActor)
    const onServer = readRecords(await serverDoc()).find((r) => r.id === 'shape:order-placed')
    expect(onServer).toMatchObject({ isLocked: true })
    await waitFor(() => locksMap(pat.doc).has('shape:order-placed'), 5000, 'the lock at the participant')

    const closed = closeOf(pat)
    move(pat, 'order-placed', 900)
    expect((await closed).code).toBe(4403)
    expect(await xOn('order-placed')).toBe(0)
  })

  test('a participant deleting the lock through the websocket is disconnected, and the sticky stays locked', async () => {
    const pat = await boardWithSticky()
    await lockShapes(server.database, boardId, facilitatorActor, ['shape:order-placed'], true)
    await waitFor(() => locksMap(pat.doc).has('shape:order-placed'), 5000, 'the lock at the participant')
    const closed = closeOf(pat)
    locksMap(pat.doc).delete('shape:order-placed')
    expect(await closed).toMatchObject({ code: 4403, reason: 'update refused: locks is written by the server only' })
    expect(locksMap(await serverDoc()).has('shape:order-placed')).toBe(true)
  })

  test('on a locked board a participant changes nothing, a facilitator still edits, and unlocking lets the participant back in', async () => {
    await boardWithSticky()
    await lockBoard(server.database, boardId, facilitatorActor, true)
    const pat = await join('participant')
    const closed = closeOf(pat)
    pat.stickies.set('late-idea', 'Late Idea')
    expect(await closed).toMatchObject({ code: 4403, reason: 'update refused: the board is locked: only facilitators change it now' })

    const fay = await join('facilitator')
    fay.stickies.set('facilitator-note', 'Facilitator Note')
    await waitFor(() => readRecords(server.realtime.liveDoc(boardId)!).some((r) => r.id === 'shape:facilitator-note'), 5000, 'the facilitator’s sticky')
    expect(readRecords(await serverDoc()).some((r) => r.id === 'shape:late-idea')).toBe(false)

    await lockBoard(server.database, boardId, facilitatorActor, false)
    const again = await join('participant')
    move(again, 'order-placed', 300)
    await waitFor(() => readRecords(server.realtime.liveDoc(boardId)!).some((r) => r.id === 'shape:order-placed' && (r as { x: number }).x === 300), 5000, 'the participant’s move once unlocked')
  })
})
