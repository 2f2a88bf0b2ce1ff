'use client'

import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { workshopLevelLabels, workshopLevels } from '@/lib/board/workshopLevel'
import { maxVotesPerPerson } from '@/lib/facilitation/dotVoting'
import { isPhaseId, phaseIds, phases } from '@/lib/facilitation/phases'
import { facilitatorShortcuts } from '@/lib/facilitation/shortcuts'
import { facilitate } from './facilitationApi'
import { defaultTimerSeconds, runFacilitatorCommand, toggleFollowMe } from './facilitatorCommands'
import { useFacilitationSession } from './FacilitationSession'

const keysOf = (command: string) => facilitatorShortcuts.find((shortcut) => shortcut.command === command)?.keys.join('+')

/** The facilitator's controls: phase, palette, timer, follow me, locks and voting; the server checks each request. */
export function FacilitatorPanel({ onClose }: { onClose(): void }) {
  const editor = useEditor()
  const session = useFacilitationSession()
  const { board } = session
  const state = useValue('facilitation', () => session.$state.get(), [session])
  const leading = useValue(session.$leading)
  const selected = useValue('selection', () => editor.getSelectedShapeIds(), [editor])
  const [minutes, setMinutes] = useState(defaultTimerSeconds / 60)
  const [votesPerPerson, setVotesPerPerson] = useState(3)
  const [error, setError] = useState<string>()
  const run = (work: () => Promise<unknown> | void) => {
    setError(undefined)
    void Promise.resolve()
      .then(work)
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }
  const command = (name: Parameters<typeof runFacilitatorCommand>[0]) => () => run(() => runFacilitatorCommand(name, editor, session))
  const allSelectedLocked = selected.length > 0 && selected.every((id) => state.lockedShapes.has(id))

  return (
    <section className="es-facilitator" aria-label="Facilitator controls" onPointerDown={(event) => event.stopPropagation()}>
      <header>
        <strong>Facilitate</strong>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>

      <fieldset>
        <legend>Phase</legend>
        <select
          aria-label="Phase"
          value={state.phase.phase ?? ''}
          onChange={(event) => {
            // Read now: React puts the controlled value back before the request goes out.
            const phase = isPhaseId(event.target.value) ? event.target.value : null
            run(() => facilitate.phase(board, { phase, paletteOpen: false }))
          }}
        >
          <option value="">No phase: everything on the palette</option>
          {workshopLevels.map((level) => (
            <optgroup key={level} label={workshopLevelLabels[level]}>
              {phaseIds
                .filter((id) => phases[id].level === level)
                .map((id) => (
                  <option key={id} value={id}>
                    {phases[id].label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <button type="button" aria-pressed={state.phase.paletteOpen} disabled={state.phase.phase === null} title={keysOf('toggle-palette')} onClick={command('toggle-palette')}>
          Open the palette to every element
        </button>
      </fieldset>

      <fieldset>
        <legend>Timer</legend>
        <input
          type="number"
          aria-label="Timer minutes"
          min={1}
          max={180}
          value={minutes}
          onChange={(event) => setMinutes(Number(event.target.value))}
        />
        <button type="button" onClick={() => run(() => facilitate.timer(board, { action: 'start', seconds: Math.round(minutes * 60) }))}>
          Start timer
        </button>
        {state.timer && (
          <>
            <button type="button" title={keysOf('toggle-timer')} onClick={command('toggle-timer')}>
              {state.timer.status === 'running' ? 'Pause timer' : 'Resume timer'}
            </button>
            <button type="button" onClick={() => run(() => facilitate.timer(board, { action: 'stop' }))}>
              Stop timer
            </button>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Everyone’s view and edits</legend>
        <button type="button" aria-pressed={leading !== null} title={keysOf('toggle-follow-me')} onClick={() => run(() => toggleFollowMe(session))}>
          {leading ? 'Stop follow me' : 'Follow me'}
        </button>
        <button type="button" aria-pressed={state.boardLocked} title={keysOf('toggle-board-lock')} onClick={command('toggle-board-lock')}>
          {state.boardLocked ? 'Unlock board' : 'Lock board'}
        </button>
        <button type="button" disabled={selected.length === 0} title={keysOf('toggle-selection-lock')} onClick={command('toggle-selection-lock')}>
          {allSelectedLocked ? 'Unlock selection' : 'Lock selection'}
        </button>
      </fieldset>

      <fieldset>
        <legend>Dot voting</legend>
        <input
          type="number"
          aria-label="Votes per person"
          min={1}
          max={maxVotesPerPerson}
          value={votesPerPerson}
          onChange={(event) => setVotesPerPerson(Number(event.target.value))}
        />
        <button type="button" onClick={() => run(() => facilitate.vote(board, { action: 'start', votesPerPerson }))}>
          Vote on hotspots and opportunities
        </button>
        <button type="button" disabled={selected.length === 0} onClick={() => run(() => facilitate.vote(board, { action: 'start', votesPerPerson, shapeIds: selected }))}>
          Vote on the selection
        </button>
        {state.vote?.status === 'open' && (
          <button type="button" onClick={() => run(() => facilitate.vote(board, { action: 'reveal' }))}>
            Reveal votes
          </button>
        )}
        {state.vote && (
          <button type="button" onClick={() => run(() => facilitate.vote(board, { action: 'end' }))}>
            End vote
          </button>
        )}
      </fieldset>
      {error && (
        <p className="es-facilitator__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
