'use client'

import type { Atom, Signal } from '@tldraw/state'
import { createContext, useContext, useMemo, useState } from 'react'
import { atom } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { Ballot } from '@/lib/facilitation/dotVoting'
import type { FacilitationState } from '@/lib/facilitation/facilitationState'
import type { OpenBoard } from '../useBoardAccess'

/** Everything the facilitation parts of one open board share. */
export interface FacilitationSession {
  board: OpenBoard
  /** What the facilitators decided, as the board carries it. */
  $state: Signal<FacilitationState>
  /** How far the server's clock is ahead of this browser's: the timer is kept in the server's. */
  $clockOffset: Atom<number>
  /** This browser's own votes in the open round; nobody else's ever reach it before the reveal. */
  $ballot: Atom<Ballot | null>
  /** The follow-me request this browser (a facilitator) has out, if any. */
  $leading: Atom<string | null>
  awareness: Awareness | undefined
}

/** One session per open board, kept across renders; it follows the board's awareness once connecting starts. */
export function useFacilitationSessionOf(board: OpenBoard, $state: Signal<FacilitationState>, awareness: Awareness | undefined): FacilitationSession {
  const [atoms] = useState(() => ({
    $clockOffset: atom('server clock offset', 0),
    $ballot: atom<Ballot | null>('ballot', null),
    $leading: atom<string | null>('leading', null),
  }))
  return useMemo(() => ({ board, $state, awareness, ...atoms }), [board, $state, awareness, atoms])
}

const Context = createContext<FacilitationSession | null>(null)

export const FacilitationProvider = Context.Provider

export function useFacilitationSession(): FacilitationSession {
  const session = useContext(Context)
  if (!session) throw new Error('no facilitation session: render inside <FacilitationProvider>')
  return session
}
