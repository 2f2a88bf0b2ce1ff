'use client'

import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { can } from '@/lib/auth/roles'
import { phases } from '@/lib/facilitation/phases'
import { FacilitatorPanel } from './FacilitatorPanel'
import { useFacilitationSession } from './FacilitationSession'
import { TimerDisplay } from './TimerDisplay'
import { useBallot, useFollowLeader, useLockGuard, useServerClock } from './useFacilitationEffects'
import { VotePanel } from './VotePanel'

/**
 * What the facilitators decided, shown to everyone under the board's bar:
 * the phase and what to do in it, the timer, a locked board, the vote, and
 * whom you follow. Facilitators open their controls from here.
 */
export function FacilitationBar() {
  const editor = useEditor()
  const session = useFacilitationSession()
  const state = useValue('facilitation', () => session.$state.get(), [session])
  const [panelOpen, setPanelOpen] = useState(false)
  useServerClock(session)
  useBallot(session)
  useLockGuard(editor, session)
  const following = useFollowLeader(editor, session)
  const phase = state.phase.phase && phases[state.phase.phase]
  const facilitator = can(session.board.role, 'facilitate')

  return (
    <div className="es-facilitation">
      <div className="es-facilitation__bar" role="region" aria-label="Facilitation">
        {phase && (
          <span className="es-phase" data-testid="phase" title={phase.hint}>
            <strong>{phase.label}</strong>
            <span className="es-phase__hint">{phase.hint}</span>
          </span>
        )}
        {state.timer && <TimerDisplay timer={state.timer} />}
        {state.boardLocked && (
          <span className="es-facilitation__locked" role="status">
            Board locked{facilitator ? '' : ': only facilitators change it'}
          </span>
        )}
        {facilitator && (
          <button type="button" aria-expanded={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
            Facilitate
          </button>
        )}
      </div>
      <div className="es-facilitation__below">
        {facilitator && panelOpen && <FacilitatorPanel onClose={() => setPanelOpen(false)} />}
        {following && (
          <div className="es-follow-banner" role="status" aria-label="Following">
            Following {following.name} (facilitator)
            <button type="button" onClick={() => editor.stopFollowingUser()}>
              Stop following
            </button>
          </div>
        )}
        {state.vote && <VotePanel vote={state.vote} />}
      </div>
    </div>
  )
}
