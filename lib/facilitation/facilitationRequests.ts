import { z } from 'zod'
import { maxCandidates, maxVotesPerPerson } from './dotVoting.ts'
import { phaseIds } from './phases.ts'
import { maxTimerMs, minTimerMs } from './timer.ts'

/** The bodies of the facilitation routes (`/api/boards/<id>/facilitation/…`), checked before anything happens. */

const shapeId = z.string({ error: 'a shape id must be a string' }).regex(/^shape:[A-Za-z0-9_-]{1,80}$/, 'a shape id looks like shape:abc123')
/** A whole number between bounds, each refusal saying which. */
const wholeNumber = (name: string, [min, tooFew]: [number, string], [max, tooMany]: [number, string]) =>
  z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, tooFew).max(max, tooMany)
/** A board holds at most 50,000 records by default; a lock request names the selection, not the board. */
const maxLockedPerRequest = 5_000

/** `PUT …/facilitation/phase`: `{"phase": "chaotic-exploration", "paletteOpen": false}`; a null phase leaves the board free. */
export const phaseRequest = z.strictObject({
  phase: z.enum(phaseIds, { error: `phase must be null or one of ${phaseIds.join(', ')}` }).nullable(),
  paletteOpen: z.boolean({ error: 'paletteOpen must be true or false' }).default(false),
})

/** `POST …/facilitation/timer`. */
export const timerRequest = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('start'),
      seconds: wholeNumber(
        'seconds',
        [minTimerMs / 1000, `a timer runs at least ${minTimerMs / 1000} seconds`],
        [maxTimerMs / 1000, `a timer runs at most ${maxTimerMs / 3_600_000} hours`],
      ),
    }),
    z.strictObject({ action: z.literal('pause') }),
    z.strictObject({ action: z.literal('resume') }),
    z.strictObject({ action: z.literal('stop') }),
  ],
  { error: 'action must be start (with seconds), pause, resume or stop' },
)
export type TimerRequest = z.infer<typeof timerRequest>

/** `PUT …/facilitation/locks`: the whole board, or some elements. */
export const lockRequest = z.union(
  [
    z.strictObject({ board: z.boolean({ error: 'board must be true or false' }) }),
    z.strictObject({
      shapeIds: z.array(shapeId).min(1, 'name at least one shape').max(maxLockedPerRequest, `at most ${maxLockedPerRequest} shapes at once`),
      locked: z.boolean({ error: 'locked must be true or false' }),
    }),
  ],
  { error: 'send {"board": true|false} or {"shapeIds": [...], "locked": true|false}' },
)

/** `POST …/facilitation/vote`: start a round (on the given shapes, else on every hotspot and opportunity), reveal it, or end it. */
export const voteRequest = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('start'),
      votesPerPerson: wholeNumber('votesPerPerson', [1, 'each person needs at least one vote'], [maxVotesPerPerson, `at most ${maxVotesPerPerson} votes per person`]),
      shapeIds: z.array(shapeId).min(1, 'name at least one shape').max(maxCandidates, `at most ${maxCandidates} candidates`).optional(),
    }),
    z.strictObject({ action: z.literal('reveal') }),
    z.strictObject({ action: z.literal('end') }),
  ],
  { error: 'action must be start (with votesPerPerson), reveal or end' },
)
export type VoteRequest = z.infer<typeof voteRequest>

/** `POST …/facilitation/ballot`: put a dot on a candidate, or take one back. */
export const ballotRequest = z.strictObject({
  action: z.enum(['add', 'withdraw'], { error: 'action must be add or withdraw' }),
  shapeId,
})
