import { randomUUID } from 'node:crypto'
import type { TLDocument, TLRecord, TLShape } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { stickyShapeType } from '../board/shapes/stickyShape.ts'
import { type BoardActor, liveBoards, readBoard } from '../boards/liveBoards.ts'
import { type AuditAction, recordAudit } from '../db/auditLog.ts'
import type { Database } from '../db/client.ts'
import { addDot, clearDots, listDots, removeDot } from '../db/votes.ts'
import { BadRequest } from '../http/json.ts'
import { docToRecords } from '../ydoc/convert.ts'
import { writeRecords } from '../ydoc/recordWrites.ts'
import { type Ballot, type VoteRound, ballotOf, maxVotersPerRound, openRound, revealRound } from './dotVoting.ts'
import { type FacilitationState, facilitationWrites, readFacilitation } from './facilitationState.ts'
import type { TimerRequest, VoteRequest } from './facilitationRequests.ts'
import { type PhaseState, phases } from './phases.ts'
import { type TimerState, pauseTimer, resumeTimer, startTimer } from './timer.ts'

/**
 * What facilitators do to a board for everyone, and how people vote. Each
 * change is written by the server into the live board (so it reaches everyone
 * at once and is saved like any edit, authored by the facilitator) and
 * recorded in the audit log; the requests were checked by the route
 * (./facilitationRequests.ts) and its `facilitate` permission.
 */

function live() {
  const boards = liveBoards()
  if (!boards) throw new Error('this process serves no boards')
  return boards
}

const conflict = (message: string) => new BadRequest(message, 409)

async function audit(db: Database, boardId: string, actor: BoardActor, action: AuditAction, detail: Record<string, string | number | boolean | null>) {
  await recordAudit(db, { boardId, action, role: actor.rights.role, connectionId: actor.id, detail })
}

/** Changes the board's facilitation in one transaction; `work` reads the state as it is inside it. */
async function change<T>(boardId: string, actor: BoardActor, work: (doc: Y.Doc, state: FacilitationState) => T): Promise<T> {
  let result: T | undefined
  await live().change(boardId, actor, (doc) => (result = work(doc, readFacilitation(doc))))
  return result as T
}

/** The phase, and with it the workshop level the model's checks follow (kept in the tldraw document record). */
export async function setPhase(db: Database, boardId: string, actor: BoardActor, phase: PhaseState): Promise<PhaseState> {
  await change(boardId, actor, (doc) => {
    facilitationWrites.set(doc, 'phase', phase)
    if (phase.phase === null) return
    const document = docToRecords(doc).find((record): record is TLDocument => record.typeName === 'document')
    const level = phases[phase.phase].level
    if (document && document.meta.workshopLevel !== level) writeRecords(doc, { put: [{ ...document, meta: { ...document.meta, workshopLevel: level } }] })
  })
  await audit(db, boardId, actor, 'facilitation.phase', { phase: phase.phase, paletteOpen: phase.paletteOpen })
  return phase
}

export async function changeTimer(db: Database, boardId: string, actor: BoardActor, request: TimerRequest, now = Date.now()): Promise<TimerState | null> {
  const timer = await change(boardId, actor, (doc, { timer }) => {
    const next = nextTimer(timer, request, now)
    facilitationWrites.set(doc, 'timer', next)
    return next
  })
  await audit(db, boardId, actor, 'facilitation.timer', { action: request.action, ...(request.action === 'start' ? { seconds: request.seconds } : {}) })
  return timer
}

function nextTimer(timer: TimerState | null, request: TimerRequest, now: number): TimerState | null {
  switch (request.action) {
    case 'start':
      return startTimer(request.seconds * 1000, now)
    case 'stop':
      return null
    case 'pause':
    case 'resume':
      if (!timer) throw conflict('no timer is set')
      return request.action === 'pause' ? pauseTimer(timer, now) : resumeTimer(timer, now)
  }
}

export async function lockBoard(db: Database, boardId: string, actor: BoardActor, locked: boolean): Promise<void> {
  await change(boardId, actor, (doc) => facilitationWrites.set(doc, 'boardLocked', locked))
  await audit(db, boardId, actor, 'facilitation.lock', { board: locked })
}

/**
 * Locks or unlocks elements of the board; locking one the board does not hold
 * is refused (404). The lock list is what the server enforces; the shapes'
 * own `isLocked` follows it, so tldraw keeps everyone from picking them up.
 */
export async function lockShapes(db: Database, boardId: string, actor: BoardActor, shapeIds: string[], locked: boolean): Promise<void> {
  await change(boardId, actor, (doc) => {
    const named = new Set(shapeIds)
    const shapes = docToRecords(doc).filter((record): record is TLShape => record.typeName === 'shape' && named.has(record.id))
    if (locked && shapes.length < named.size) {
      const found = new Set(shapes.map((shape) => shape.id as string))
      throw new BadRequest(`the board has no element ${shapeIds.find((id) => !found.has(id))}`, 404)
    }
    facilitationWrites.lock(doc, shapeIds, locked)
    writeRecords(doc, { put: shapes.filter((shape) => shape.isLocked !== locked).map((shape) => ({ ...shape, isLocked: locked })) })
  })
  await audit(db, boardId, actor, 'facilitation.lock', { shapes: shapeIds.length, locked })
}

const shapeIdsOf = (records: TLRecord[]) => records.filter((record) => record.typeName === 'shape').map((record) => record.id as string)

/** Hotspots and opportunities: what a Big Picture workshop votes on. */
const votedKinds = new Set(['hotspot', 'opportunity'])
const isVotedSticky = (record: TLRecord) =>
  record.typeName === 'shape' && record.type === stickyShapeType && votedKinds.has((record.props as { kind?: string }).kind ?? '')

/** Starts, reveals or ends the board's vote; the round as everyone now sees it. */
export async function runVote(db: Database, boardId: string, actor: BoardActor, request: VoteRequest): Promise<VoteRound | null> {
  const round = await voteRound(db, boardId, actor, request)
  await audit(db, boardId, actor, 'facilitation.vote', { action: request.action, ...(round ? { round: round.id, candidates: round.candidates.length } : {}) })
  return round
}

async function voteRound(db: Database, boardId: string, actor: BoardActor, request: VoteRequest): Promise<VoteRound | null> {
  switch (request.action) {
    case 'start': {
      const started = await change(boardId, actor, (doc) => {
        const records = docToRecords(doc)
        const shapes = new Set(shapeIdsOf(records))
        const candidates = request.shapeIds ?? records.filter(isVotedSticky).map((record) => record.id as string)
        const missing = candidates.find((id) => !shapes.has(id))
        if (missing) throw new BadRequest(`the board has no element ${missing}`, 404)
        if (candidates.length === 0) throw conflict('nothing to vote on: the board has no hotspot or opportunity')
        const round = openRound(randomUUID(), request.votesPerPerson, candidates)
        facilitationWrites.set(doc, 'vote', round)
        return round
      })
      await clearDots(db, boardId, started.id)
      return started
    }
    case 'reveal': {
      const open = await currentRound(db, boardId)
      const dots = await listDots(db, boardId, open.id)
      return change(boardId, actor, (doc, { vote }) => {
        if (vote?.id !== open.id) throw conflict('the vote changed meanwhile')
        const revealed = revealRound(open, dots)
        facilitationWrites.set(doc, 'vote', revealed)
        return revealed
      })
    }
    case 'end':
      await change(boardId, actor, (doc) => facilitationWrites.set(doc, 'vote', null))
      await clearDots(db, boardId)
      return null
  }
}

/** The open round, or 409. */
async function currentRound(db: Database, boardId: string): Promise<VoteRound & { status: 'open' }> {
  const vote = await readBoard(db, boardId, (doc) => readFacilitation(doc).vote)
  if (vote?.status === 'revealed') throw conflict('the results are out: the vote is closed')
  if (!vote) throw conflict('no vote is open')
  return vote
}

/** One voter's ballot in the open round: only their own dots. */
export async function readBallot(db: Database, boardId: string, voter: string): Promise<Ballot> {
  const round = await currentRound(db, boardId)
  return ballotOf(round, voter, await listDots(db, boardId, round.id, voter))
}

/** Puts a dot on a candidate (409 when none is left) or takes one back (409 when there is none); the voter's ballot after. */
export async function markBallot(db: Database, boardId: string, voter: string, action: 'add' | 'withdraw', shapeId: string): Promise<Ballot> {
  const round = await currentRound(db, boardId)
  if (!round.candidates.includes(shapeId)) throw new BadRequest(`${shapeId} is not on the ballot`, 404)
  if (action === 'add') {
    const refused = await addDot(db, { boardId, round: round.id, voter, shapeId }, { votesPerPerson: round.votesPerPerson, maxVoters: maxVotersPerRound })
    if (refused === 'round-full') throw conflict(`this vote already has ${maxVotersPerRound} voters`)
    if (refused === 'no-dots-left') throw conflict(`all ${round.votesPerPerson} of your votes are used: withdraw one first`)
  } else if (!(await removeDot(db, boardId, round.id, voter, shapeId))) {
    throw conflict('you have no vote on this to withdraw')
  }
  return ballotOf(round, voter, await listDots(db, boardId, round.id, voter))
}
