import type { Editor } from 'tldraw'
import type { FacilitatorCommand } from '@/lib/facilitation/shortcuts'
import { nextPhase } from '@/lib/facilitation/phases'
import { facilitate } from './facilitationApi'
import type { FacilitationSession } from './FacilitationSession'

/** A timer the keyboard starts when none runs. */
export const defaultTimerSeconds = 5 * 60

/**
 * What each facilitator shortcut does, also behind the facilitator panel's
 * buttons. Each asks the server, which changes the board for everyone (and
 * refuses anyone but a facilitator); the change comes back through the board.
 */
export function runFacilitatorCommand(command: FacilitatorCommand, editor: Editor, session: FacilitationSession): Promise<unknown> {
  const { board } = session
  const state = session.$state.get()
  switch (command) {
    case 'next-phase':
      return facilitate.phase(board, { phase: nextPhase(state.phase.phase), paletteOpen: false })
    case 'toggle-palette':
      return facilitate.phase(board, { ...state.phase, paletteOpen: !state.phase.paletteOpen })
    case 'toggle-timer':
      if (!state.timer) return facilitate.timer(board, { action: 'start', seconds: defaultTimerSeconds })
      return facilitate.timer(board, { action: state.timer.status === 'running' ? 'pause' : 'resume' })
    case 'toggle-follow-me':
      toggleFollowMe(session)
      return Promise.resolve()
    case 'toggle-board-lock':
      return facilitate.lockBoard(board, !state.boardLocked)
    case 'toggle-selection-lock': {
      const selected = editor.getSelectedShapeIds()
      if (selected.length === 0) return Promise.resolve()
      return facilitate.lockShapes(board, selected, !selected.every((id) => state.lockedShapes.has(id)))
    }
  }
}

/** Starts or ends a follow-me request: a new value each time, so those who stopped following the last one follow again. */
export function toggleFollowMe(session: FacilitationSession): void {
  const next = session.$leading.get() ? null : crypto.randomUUID()
  session.$leading.set(next)
  session.awareness?.setLocalStateField('followMe', next)
}
