import type { Ballot, VoteRound } from '@/lib/facilitation/dotVoting'
import type { PhaseState } from '@/lib/facilitation/phases'
import type { TimerState } from '@/lib/facilitation/timer'
import { boardFetch, boardJson } from '../boardApi'
import type { OpenBoard } from '../useBoardAccess'

/** The facilitation routes as the board's page calls them. What they change reaches everyone through the board. */

type Board = Pick<OpenBoard, 'id' | 'token'>

const send = (method: string, body: unknown) => ({ method, body: JSON.stringify(body) })

export const facilitate = {
  phase: (board: Board, phase: PhaseState) => boardJson<{ phase: PhaseState }>(board, 'facilitation/phase', send('PUT', phase)),
  timer: (board: Board, request: { action: 'start'; seconds: number } | { action: 'pause' | 'resume' | 'stop' }) =>
    boardJson<{ timer: TimerState | null }>(board, 'facilitation/timer', send('POST', request)),
  lockBoard: (board: Board, locked: boolean) => boardFetch(board, 'facilitation/locks', send('PUT', { board: locked })),
  lockShapes: (board: Board, shapeIds: string[], locked: boolean) => boardFetch(board, 'facilitation/locks', send('PUT', { shapeIds, locked })),
  vote: (board: Board, request: { action: 'start'; votesPerPerson: number; shapeIds?: string[] } | { action: 'reveal' | 'end' }) =>
    boardJson<{ vote: VoteRound | null }>(board, 'facilitation/vote', send('POST', request)),
}

/** The server's clock, for reading the shared timer. */
export async function clockSample(board: Board): Promise<{ sentAt: number; serverNow: number; receivedAt: number }> {
  const sentAt = Date.now()
  const { now } = await boardJson<{ now: number }>(board, 'facilitation/clock')
  return { sentAt, serverNow: now, receivedAt: Date.now() }
}

/**
 * This browser's ballot. The voter token the server signs on the first call
 * is kept per board in local storage, so a reload is the same voter.
 */
export async function ballot(board: Board, change?: { action: 'add' | 'withdraw'; shapeId: string }): Promise<Ballot> {
  const key = `eventstorm.voter.${board.id}`
  const saved = readStorage(key)
  const init = change ? send('POST', change) : {}
  const answer = await boardJson<{ ballot: Ballot; voterToken: string }>(board, 'facilitation/ballot', { ...init, headers: saved ? { 'x-voter-token': saved } : {} })
  if (answer.voterToken !== saved) writeStorage(key, answer.voterToken)
  return answer.ballot
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Private mode or full storage: this page votes as itself until it reloads.
  }
}
