/**
 * Dot voting: each person has a number of dots to put on the round's
 * candidates (several on one if they like) and can take one back until the
 * facilitator reveals the results. The dots live in the database behind
 * routes (lib/db/votes.ts); the board, which everyone receives, holds only
 * the round and, once revealed, its results.
 */

export const maxVotesPerPerson = 20
export const maxCandidates = 500
/** Voter ids cost nothing to make (a cleared browser is a new voter): a round takes this many, so nobody fills the database with votes. */
export const maxVotersPerRound = 1000

/** A round as everyone sees it on the board. No dot, voter or count before it is revealed. */
export type VoteRound =
  | { id: string; status: 'open'; votesPerPerson: number; candidates: string[] }
  | { id: string; status: 'revealed'; votesPerPerson: number; candidates: string[]; results: VoteResult[]; voters: number }

export interface VoteResult {
  shapeId: string
  votes: number
}

/** One dot: who (a voter id, ./voterToken) put it on which candidate. */
export interface Dot {
  voter: string
  shapeId: string
}

/** What one person sees of an open round: their own dots by candidate, and how many they have left. */
export interface Ballot {
  round: string
  votes: Record<string, number>
  left: number
}

export function openRound(id: string, votesPerPerson: number, candidates: string[]): VoteRound {
  return { id, status: 'open', votesPerPerson, candidates: [...new Set(candidates)] }
}

/** The results: every candidate with its dots, most first; ties keep the candidates' order. */
export function revealRound(round: VoteRound, dots: Dot[]): VoteRound {
  const counts = new Map(round.candidates.map((shapeId) => [shapeId, 0]))
  for (const { shapeId } of dots) if (counts.has(shapeId)) counts.set(shapeId, counts.get(shapeId)! + 1)
  const results = [...counts].map(([shapeId, votes]) => ({ shapeId, votes })).sort((a, b) => b.votes - a.votes)
  const voters = new Set(dots.map((dot) => dot.voter)).size
  return { id: round.id, status: 'revealed', votesPerPerson: round.votesPerPerson, candidates: round.candidates, results, voters }
}

export function ballotOf(round: VoteRound, voter: string, dots: Dot[]): Ballot {
  const votes: Record<string, number> = {}
  let used = 0
  for (const dot of dots) {
    if (dot.voter !== voter) continue
    votes[dot.shapeId] = (votes[dot.shapeId] ?? 0) + 1
    used++
  }
  return { round: round.id, votes, left: Math.max(0, round.votesPerPerson - used) }
}

/**
 * Where a voter's next dot goes: the lowest of their numbered places still
 * free, none when all are taken. The database keys a dot by its place, so two
 * requests at once cannot give anyone a dot past their allowance.
 */
export function freeSlot(takenSlots: number[], votesPerPerson: number): number | null {
  const taken = new Set(takenSlots)
  for (let slot = 0; slot < votesPerPerson; slot++) if (!taken.has(slot)) return slot
  return null
}
