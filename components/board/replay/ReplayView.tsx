'use client'

import { useEffect, useState } from 'react'
import { type Editor, type TLShapeId, Tldraw, createTLStore, defaultBindingUtils } from 'tldraw'
import 'tldraw/tldraw.css'
import { can } from '@/lib/auth/roles'
import { playbackSpeeds, stepAuthor, stepSummary } from '@/lib/replay/playback'
import type { ReplayStep, Timeline } from '@/lib/replay/timeline'
import { storeShapeUtils } from '../shapes'
import { boardTldrawProps, tldrawOptions } from '../tldrawConfig'
import type { OpenBoard } from '../useBoardAccess'
import { useReplay } from './useReplay'
import { useReplayAccess } from './useReplayAccess'

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })

/**
 * The workshop played back: the board as it was at any step of its stored
 * history, read-only, with who changed what at each step. The changes of the
 * step shown are selected on the board.
 */
export function ReplayView({ board, onClose }: { board: OpenBoard; onClose(): void }) {
  const [store] = useState(() => createTLStore({ shapeUtils: storeShapeUtils, bindingUtils: defaultBindingUtils }))
  const [options] = useState(() => tldrawOptions(board.maxRecords))
  const [editor, setEditor] = useState<Editor>()
  const replay = useReplay(board, store)
  const { timeline, index, shownId } = replay
  const step = timeline?.steps[index]
  const shown = timeline?.steps.find((candidate) => candidate.id === shownId)

  useEffect(() => {
    if (!editor || !shown) return
    const changed = shown.changes.shapes.filter((change) => change.change !== 'removed').map((change) => change.id as TLShapeId)
    editor.select(...changed.filter((id) => editor.getShape(id)))
  }, [editor, shown])

  return (
    <div className="es-replay" role="region" aria-label="Replay">
      <ReplayControls board={board} replay={replay} step={step} onClose={onClose} />
      <div className="es-replay__canvas">
        {shownId ? (
          <Tldraw
            {...boardTldrawProps}
            store={store}
            options={options}
            onMount={(mounted) => {
              mounted.updateInstanceState({ isReadonly: true })
              mounted.zoomToFit()
              setEditor(mounted)
            }}
          />
        ) : (
          <div className="board-message">{replay.error ?? 'Reading the workshop’s history…'}</div>
        )}
      </div>
      {timeline && <ReplaySteps timeline={timeline} index={index} onPick={replay.go} />}
    </div>
  )
}

function ReplayControls({ board, replay, step, onClose }: { board: OpenBoard; replay: ReturnType<typeof useReplay>; step: ReplayStep | undefined; onClose(): void }) {
  const { access, setEveryone } = useReplayAccess(board)
  const steps = replay.timeline?.steps ?? []
  return (
    <div className="es-replay__controls">
      <button type="button" onClick={onClose}>
        ← Back to the board
      </button>
      <strong className="board-name">Replay · {board.name}</strong>
      <button type="button" disabled={steps.length < 2} onClick={() => replay.setPlaying(!replay.playing)}>
        {replay.playing ? 'Pause' : 'Play'}
      </button>
      <label>
        Speed
        <select value={replay.speed} onChange={(event) => replay.setSpeed(Number(event.target.value))}>
          {playbackSpeeds.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        aria-label="Moment"
        min={0}
        max={Math.max(0, steps.length - 1)}
        value={replay.index}
        disabled={steps.length < 2}
        onChange={(event) => {
          replay.setPlaying(false)
          replay.go(Number(event.target.value))
        }}
      />
      <output className="es-replay__now" data-testid="replay-moment">
        {step ? `${time(step.at)} · ${stepAuthor(step)} · ${stepSummary(step)}` : ''}
      </output>
      {replay.error && <span role="alert">{replay.error}</span>}
      {can(board.role, 'facilitate') && (
        <label className="es-replay__everyone">
          <input type="checkbox" checked={access.everyone} onChange={(event) => void setEveryone(event.target.checked)} />
          Everyone with a link may replay
        </label>
      )}
    </div>
  )
}

function ReplaySteps({ timeline, index, onPick }: { timeline: Timeline; index: number; onPick(index: number): void }) {
  const step = timeline.steps[index]
  return (
    <aside className="es-replay__steps">
      <p className="es-replay__note">
        Each step is what is stored: one person’s edits in a burst (a pause of 5 seconds or someone else starts the next).
        {timeline.compactedAt &&
          ` Edits before ${time(timeline.compactedAt)} were compacted: from then back, only the versions kept every 10 minutes and before big deletions remain.`}
        {timeline.versionsLeftOut > 0 && ` ${timeline.versionsLeftOut} older versions are left out.`}
        {!timeline.complete && ' The log is longer than a replay reads: the last edits are not shown.'}
      </p>
      {step && (
        <section aria-label="Changes in this step">
          <h3>{stepAuthor(step)}</h3>
          <ul className="es-replay__changes">
            {step.changes.shapes.map((change) => (
              <li key={`${change.change}-${change.id}`} data-change={change.change}>
                {change.change} {change.what}
                {change.text && ` “${change.text}”`}
              </li>
            ))}
            {step.changes.shapes.length === 0 && <li>{stepSummary(step)}</li>}
          </ul>
        </section>
      )}
      <ol className="es-replay__list" aria-label="Steps">
        {timeline.steps.map((candidate, i) => (
          <li key={candidate.id} aria-current={i === index ? 'step' : undefined}>
            <button type="button" onClick={() => onPick(i)}>
              <span>{time(candidate.at)}</span> {stepAuthor(candidate)} · {stepSummary(candidate)}
            </button>
          </li>
        ))}
      </ol>
    </aside>
  )
}
