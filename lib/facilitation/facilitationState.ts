import { z } from 'zod'
import type * as Y from 'yjs'
import { existingMap, facilitationKey, facilitationMap, locksKey, locksMap } from '../ydoc/layout.ts'
import { maxCandidates, maxVotesPerPerson, type VoteRound } from './dotVoting.ts'
import { type PhaseState, noPhase, phaseIds } from './phases.ts'
import { type TimerState, maxTimerMs } from './timer.ts'

/**
 * What facilitators decide for everyone on a board, as the board's Y.Doc
 * carries it (layout in lib/ydoc/layout.ts): only the server writes it, on a
 * facilitator's request (./boardFacilitation.ts), and every browser reads it.
 */
export interface FacilitationState {
  phase: PhaseState
  timer: TimerState | null
  /** Nobody but facilitators changes anything. */
  boardLocked: boolean
  vote: VoteRound | null
  /** Elements only facilitators may change. */
  lockedShapes: ReadonlySet<string>
}

export const noFacilitation: FacilitationState = { phase: noPhase, timer: null, boardLocked: false, vote: null, lockedShapes: new Set() }

const shapeId = z.string().startsWith('shape:').max(100)
const count = z.number().int().nonnegative()
const schemas = {
  phase: z.object({ phase: z.enum(phaseIds).nullable(), paletteOpen: z.boolean() }),
  timer: z.discriminatedUnion('status', [
    z.object({ status: z.literal('running'), durationMs: count.max(maxTimerMs), endsAt: count }),
    z.object({ status: z.literal('paused'), durationMs: count.max(maxTimerMs), remainingMs: count.max(maxTimerMs) }),
  ]),
  boardLocked: z.boolean(),
  vote: z.discriminatedUnion('status', [
    z.object({ id: z.string().max(64), status: z.literal('open'), votesPerPerson: count.max(maxVotesPerPerson), candidates: z.array(shapeId).max(maxCandidates) }),
    z.object({
      id: z.string().max(64),
      status: z.literal('revealed'),
      votesPerPerson: count.max(maxVotesPerPerson),
      candidates: z.array(shapeId).max(maxCandidates),
      results: z.array(z.object({ shapeId, votes: count })).max(maxCandidates),
      voters: count,
    }),
  ]),
} satisfies Record<Exclude<keyof FacilitationState, 'lockedShapes'>, z.ZodType>

type Key = keyof typeof schemas
type Value<K extends Key> = z.infer<(typeof schemas)[K]>

/** Reads the state; a missing or unreadable value (a board from before, or written by a newer app) reads as its default. */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  const map = facilitationMap(doc)
  const read = <K extends Key>(key: K): Value<K> | undefined => {
    const parsed = schemas[key].safeParse(map.get(key))
    return parsed.success ? (parsed.data as Value<K>) : undefined
  }
  return {
    phase: read('phase') ?? noFacilitation.phase,
    timer: read('timer') ?? null,
    boardLocked: read('boardLocked') ?? false,
    vote: read('vote') ?? null,
    lockedShapes: new Set(locksMap(doc).keys()),
  }
}

/** The server's writes, each checked against what readers accept. Call inside the transaction that carries the change's author. */
export const facilitationWrites = {
  set<K extends Key>(doc: Y.Doc, key: K, value: Value<K> | null): void {
    const map = facilitationMap(doc)
    if (value === null) map.delete(key)
    else map.set(key, schemas[key].parse(value))
  },
  lock(doc: Y.Doc, shapeIds: string[], locked: boolean): void {
    const locks = locksMap(doc)
    for (const id of shapeIds) {
      if (locked) locks.set(id, true)
      else locks.delete(id)
    }
  },
}

/** Whether the board is locked, and which elements: what the server's update check reads on every update. */
export function isLockedBoard(doc: Y.Doc): boolean {
  return existingMap(doc, facilitationKey)?.get('boardLocked') === true
}

export function isLockedShape(doc: Y.Doc, key: string): boolean {
  return existingMap(doc, locksKey)?.has(key) === true
}
