import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { listAudit } from '@/lib/db/auditLog'
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@/lib/db/testing'
import { maxVotersPerRound } from '@/lib/facilitation/dotVoting'
import { readFacilitation } from '@/lib/facilitation/facilitationState'
import { readRecords } from '@/lib/ydoc/layout'
import type { RunningServer } from '@/server/app'
import { connectClient, stickyRecord, type TestClient, waitFor, whenSynced } from '@/server/testing/clients'
import { createTestBoard, startTestServer, testToken } from '@/server/testing/servers'
import { GET as getBallot, POST as postBallot } from './ballot/route'
import { GET as getClock } from './clock/route'
import { PUT as putLocks } from './locks/route'
import { PUT as putPhase } from './phase/route'
import { POST as postTimer } from './timer/route'
import { POST as postVote } from './vote/route'

type Handler = (request: Request, context: { params: Promise<{ boardId: string }> }) => Promise<Response>

/**
 * The facilitation routes, called as Next calls them, on a running server
 * with real y-websocket clients: what a facilitator changes reaches everyone
 * through the board; what anyone else asks for is refused and changes nothing.
 */
describe.each(testDatabaseKinds)('facilitating a board on %s', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  let boardId: string
  const clients: TestClient[] = []

  // One server for the suite (PGlite takes seconds to start); a board of its own for each test.
  beforeAll(async () => {
    database = await createTestDatabase(kind)
    server = await startTestServer(database.target)
  })
  afterAll(async () => {
    await server?.close()
    await database?.drop()
  })
  const start = async () => {
    boardId = await createTestBoard(server)
  }
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
  })

  async function join(role: 'facilitator' | 'participant' | 'viewer') {
    const client = connectClient(server.port, boardId, { token: testToken(boardId, role) })
    clients.push(client)
    await whenSynced(client)
    return client
  }

  async function call(handler: Handler, options: { token?: string; body?: unknown; voter?: string; method?: string; rawBody?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
    if (options.voter) headers['x-voter-token'] = options.voter
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    const request = new Request(`http://localhost/api/boards/${boardId}/facilitation`, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body })
    const response = await handler(request, { params: Promise.resolve({ boardId }) })
    return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: string } }
  }

  const as = (role: 'facilitator' | 'participant' | 'viewer') => testToken(boardId, role)
  const facilitation = (client: TestClient) => readFacilitation(client.doc)

  /** Places stickies through a participant's websocket, as a browser does; resolves once the server has them. */
  async function place(client: TestClient, ...stickies: { key: string; kind?: string }[]) {
    client.doc.transact(() => {
      for (const { key, kind = 'event' } of stickies) {
        const record = stickyRecord(key, key)
        client.records.set(record.id, { ...record, props: { ...record.props, kind } } as typeof record)
      }
    })
    const { doc } = await server.realtime.open(boardId)
    await waitFor(() => stickies.every(({ key }) => readRecords(doc).some((r) => r.id === `shape:${key}`)), 5000, 'the stickies on the server')
  }

  test('only a facilitator changes the phase, the timer, the locks or the vote: the others, a forged token and no token are refused and nothing changes', async () => {
    await start()
    const pat = await join('participant')
    await place(pat, { key: 'risk', kind: 'hotspot' })
    const [v, id, , generation, mac] = as('viewer').split('.')
    const forged = [v, id, 'facilitator', generation, mac].join('.')
    const requests: [Handler, unknown][] = [
      [putPhase, { phase: 'design-level', paletteOpen: true }],
      [postTimer, { action: 'start', seconds: 60 }],
      [putLocks, { board: true }],
      [putLocks, { shapeIds: ['shape:risk'], locked: true }],
      [postVote, { action: 'start', votesPerPerson: 3 }],
    ]
    for (const [handler, body] of requests) {
      for (const [token, status] of [[as('participant'), 403], [as('viewer'), 403], [forged, 401], [undefined, 401]] as const) {
        expect((await call(handler, { token, body, method: handler === putPhase || handler === putLocks ? 'PUT' : 'POST' })).status, JSON.stringify({ body, token })).toBe(status)
      }
    }
    expect(facilitation(pat)).toMatchObject({ phase: { phase: null }, timer: null, boardLocked: false, vote: null, lockedShapes: new Set() })
    expect((await call(postVote, { token: as('participant'), body: { action: 'reveal' } })).status).toBe(403)
  })

  test('a facilitator sets the phase: every client reads it from the board, the workshop level follows, and the audit says who', async () => {
    await start()
    const pat = await join('participant')
    const vic = await join('viewer')
    const answer = await call(putPhase, { token: as('facilitator'), body: { phase: 'design-level' }, method: 'PUT' })
    expect(answer).toEqual({ status: 200, json: { phase: { phase: 'design-level', paletteOpen: false } } })
    for (const client of [pat, vic]) await waitFor(() => facilitation(client).phase.phase === 'design-level', 5000, 'the phase at every client')
    const document = readRecords(pat.doc).find((record) => record.typeName === 'document')
    expect(document?.meta.workshopLevel).toBe('design')
    const audit = await listAudit(server.database, boardId)
    expect(audit.find((event) => event.action === 'facilitation.phase')).toMatchObject({ role: 'facilitator', detail: { phase: 'design-level', paletteOpen: false } })
  })

  test('the timer runs in the server’s clock: started, paused, resumed and stopped for everyone; pausing no timer is a conflict', async () => {
    await start()
    const pat = await join('participant')
    const fay = as('facilitator')
    expect((await call(postTimer, { token: fay, body: { action: 'pause' } })).status).toBe(409)
    const before = Date.now()
    const started = await call(postTimer, { token: fay, body: { action: 'start', seconds: 300 } })
    expect(started.json.timer).toMatchObject({ status: 'running', durationMs: 300_000 })
    const endsAt = (started.json.timer as { endsAt: number }).endsAt
    expect(endsAt).toBeGreaterThanOrEqual(before + 300_000)
    await waitFor(() => facilitation(pat).timer?.status === 'running', 5000, 'the timer at the participant')
    const paused = await call(postTimer, { token: fay, body: { action: 'pause' } })
    expect(paused.json.timer).toMatchObject({ status: 'paused', durationMs: 300_000 })
    await waitFor(() => facilitation(pat).timer?.status === 'paused', 5000, 'the pause at the participant')
    expect((await call(postTimer, { token: fay, body: { action: 'resume' } })).json.timer).toMatchObject({ status: 'running' })
    expect((await call(postTimer, { token: fay, body: { action: 'stop' } })).json.timer).toBeNull()
    await waitFor(() => facilitation(pat).timer === null, 5000, 'the timer gone at the participant')
    const clock = await call(getClock as Handler, { token: as('viewer') })
    expect(Math.abs((clock.json.now as number) - Date.now())).toBeLessThan(60_000)
  })

  test('bad requests are refused with their reason, and change nothing', async () => {
    await start()
    const fay = as('facilitator')
    const refused = async (handler: Handler, options: Parameters<typeof call>[1]) => (await call(handler, { token: fay, ...options })).json.error
    expect(await refused(putPhase, { body: { phase: 'brainstorm' }, method: 'PUT' })).toMatch(/phase must be null or one of chaotic-exploration/)
    expect(await refused(putPhase, { body: { phase: null, extra: 1 }, method: 'PUT' })).toMatch(/extra/)
    expect(await refused(postTimer, { body: { action: 'start', seconds: 1 } })).toMatch(/at least 5 seconds/)
    expect(await refused(postTimer, { body: { action: 'start', seconds: 1e9 } })).toMatch(/at most 3 hours/)
    expect(await refused(postTimer, { rawBody: '{"action":' })).toMatch(/not valid JSON/)
    expect(await refused(putLocks, { body: { shapeIds: ['shape:nope'], locked: true }, method: 'PUT' })).toMatch(/no element shape:nope/)
    expect(await refused(putLocks, { body: { shapeIds: ['<script>'], locked: true }, method: 'PUT' })).toMatch(/shape id/)
    expect(await refused(putLocks, { body: { shapeIds: Array.from({ length: 20_000 }, (_, i) => `shape:s${i}`), locked: true }, method: 'PUT' })).toMatch(/at most/)
    expect(await refused(postVote, { body: { action: 'start', votesPerPerson: 3 } })).toMatch(/nothing to vote on/)
    expect(await refused(postVote, { body: { action: 'start', votesPerPerson: 0 } })).toMatch(/at least one vote/)
    expect(await refused(postVote, { body: { action: 'reveal' } })).toMatch(/no vote is open/)
    const pat = await join('participant')
    expect(facilitation(pat)).toMatchObject({ phase: { phase: null }, timer: null, vote: null, lockedShapes: new Set() })
  })

  test('dot voting: each person votes up to their allowance, a reload gives no more, votes stay hidden until the reveal, then come sorted', async () => {
    await start()
    const pat = await join('participant')
    const observer = await join('viewer')
    await place(pat, { key: 'slow-refunds', kind: 'hotspot' }, { key: 'one-click', kind: 'opportunity' }, { key: 'order-placed' })
    const received: Uint8Array[] = []
    observer.doc.on('update', (update: Uint8Array) => received.push(update))

    const fay = as('facilitator')
    const started = await call(postVote, { token: fay, body: { action: 'start', votesPerPerson: 2 } })
    expect(started.json.vote).toMatchObject({ status: 'open', votesPerPerson: 2, candidates: expect.arrayContaining(['shape:slow-refunds', 'shape:one-click']) })
    expect((started.json.vote as { candidates: string[] }).candidates).not.toContain('shape:order-placed')

    // The viewer may not vote.
    expect((await call(postBallot, { token: as('viewer'), body: { action: 'add', shapeId: 'shape:one-click' } })).status).toBe(403)

    // Pat votes twice; a third vote is refused, and so it is after a "reload" with the same voter token.
    const first = await call(postBallot, { token: as('participant'), body: { action: 'add', shapeId: 'shape:slow-refunds' } })
    const patVoter = first.json.voterToken as string
    await call(postBallot, { token: as('participant'), voter: patVoter, body: { action: 'add', shapeId: 'shape:slow-refunds' } })
    const third = await call(postBallot, { token: as('participant'), voter: patVoter, body: { action: 'add', shapeId: 'shape:one-click' } })
    expect(third).toMatchObject({ status: 409, json: { error: expect.stringMatching(/all 2 of your votes are used/) } })
    expect((await call(getBallot, { token: as('participant'), voter: patVoter })).json.ballot).toEqual({
      round: expect.any(String),
      votes: { 'shape:slow-refunds': 2 },
      left: 0,
    })
    // A forged voter token is a new person, not Pat.
    const forgedVoter = `${patVoter.slice(0, -3)}abc`
    expect((await call(getBallot, { token: as('participant'), voter: forgedVoter })).json.ballot).toMatchObject({ votes: {}, left: 2 })

    // Pat withdraws one and moves it; Fay votes too; a sticky outside the ballot is refused.
    expect((await call(postBallot, { token: as('participant'), voter: patVoter, body: { action: 'withdraw', shapeId: 'shape:slow-refunds' } })).json.ballot).toMatchObject({ left: 1 })
    expect((await call(postBallot, { token: as('participant'), voter: patVoter, body: { action: 'withdraw', shapeId: 'shape:one-click' } })).status).toBe(409)
    await call(postBallot, { token: as('participant'), voter: patVoter, body: { action: 'add', shapeId: 'shape:one-click' } })
    expect((await call(postBallot, { token: fay, body: { action: 'add', shapeId: 'shape:order-placed' } })).status).toBe(404)
    const fayBallot = await call(postBallot, { token: fay, body: { action: 'add', shapeId: 'shape:one-click' } })
    const fayVoter = fayBallot.json.voterToken as string

    // Nothing of the votes reached anyone through the board: no voter, no count.
    const voterIds = [patVoter, fayVoter].map((token) => token.split('.')[2]!)
    for (const update of received) for (const voterId of voterIds) expect(Buffer.from(update).includes(voterId)).toBe(false)
    expect(Object.keys(facilitation(observer).vote!).sort()).toEqual(['candidates', 'id', 'status', 'votesPerPerson'])
    expect(JSON.stringify([...observer.provider.awareness.getStates().values()])).not.toMatch(/vote/)

    const revealed = await call(postVote, { token: fay, body: { action: 'reveal' } })
    expect(revealed.json.vote).toMatchObject({
      status: 'revealed',
      voters: 2,
      results: [
        { shapeId: 'shape:one-click', votes: 2 },
        { shapeId: 'shape:slow-refunds', votes: 1 },
      ],
    })
    await waitFor(() => facilitation(observer).vote?.status === 'revealed', 5000, 'the results at the viewer')
    expect((await call(postBallot, { token: as('participant'), voter: patVoter, body: { action: 'add', shapeId: 'shape:one-click' } })).json.error).toMatch(/the vote is closed/)

    expect((await call(postVote, { token: fay, body: { action: 'end' } })).json.vote).toBeNull()
    await waitFor(() => facilitation(observer).vote === null, 5000, 'the vote gone at the viewer')
    expect(await server.database.prisma.vote.count({ where: { boardId } })).toBe(0)
  })

  test('a round takes at most 1,000 voters, however many new ones ask at once; those in it still vote', async () => {
    await start()
    await place(await join('participant'), { key: 'slow-refunds', kind: 'hotspot' })
    const started = await call(postVote, { token: as('facilitator'), body: { action: 'start', votesPerPerson: 2 } })
    const round = (started.json.vote as { id: string }).id
    const add = { action: 'add', shapeId: 'shape:slow-refunds' }
    await server.database.prisma.vote.createMany({
      data: Array.from({ length: maxVotersPerRound - 5 }, (_, i) => ({ boardId, round, voter: `voter-${i}`, slot: 0, shapeId: 'shape:slow-refunds' })),
    })

    const answers = await Promise.all(Array.from({ length: 20 }, () => call(postBallot, { token: as('participant'), body: add })))
    const admitted = answers.filter((answer) => answer.status === 200)
    expect(admitted).toHaveLength(5)
    expect(new Set(answers.filter((answer) => answer.status !== 200).map((answer) => `${answer.status} ${answer.json.error}`))).toEqual(
      new Set([`409 this vote already has ${maxVotersPerRound} voters`]),
    )
    const voters = await server.database.prisma.vote.findMany({ where: { boardId, round }, distinct: ['voter'], select: { voter: true } })
    expect(voters).toHaveLength(maxVotersPerRound)
    // Someone already in places their second dot.
    expect((await call(postBallot, { token: as('participant'), voter: admitted[0]!.json.voterToken as string, body: add })).json.ballot).toMatchObject({ left: 0 })
  })

  test('locking: a facilitator locks an element and the board; everyone reads the locks; unlocking lifts them', async () => {
    await start()
    const pat = await join('participant')
    await place(pat, { key: 'order-placed' })
    const fay = as('facilitator')
    expect((await call(putLocks, { token: fay, body: { shapeIds: ['shape:order-placed'], locked: true }, method: 'PUT' })).status).toBe(200)
    expect((await call(putLocks, { token: fay, body: { board: true }, method: 'PUT' })).status).toBe(200)
    await waitFor(() => facilitation(pat).boardLocked && facilitation(pat).lockedShapes.has('shape:order-placed'), 5000, 'the locks at the participant')
    await call(putLocks, { token: fay, body: { shapeIds: ['shape:order-placed'], locked: false }, method: 'PUT' })
    await call(putLocks, { token: fay, body: { board: false }, method: 'PUT' })
    await waitFor(() => !facilitation(pat).boardLocked && facilitation(pat).lockedShapes.size === 0, 5000, 'the locks lifted at the participant')
    expect((await listAudit(server.database, boardId)).filter((event) => event.action === 'facilitation.lock')).toHaveLength(4)
  })
})
