'use client'

import { useState } from 'react'
import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { can } from '@/lib/auth/roles'
import type { VoteRound } from '@/lib/facilitation/dotVoting'
import { ballot } from './facilitationApi'
import { useFacilitationSession } from './FacilitationSession'

/** What a sticky says, to name it in the vote. */
function labelOf(editor: Editor, shapeId: string): string {
  const shape = editor.getShape(shapeId as TLShapeId)
  if (!shape) return 'A removed element'
  const text = (shape.props as { text?: unknown }).text
  return typeof text === 'string' && text.trim() ? text.trim() : 'An unnamed element'
}

/** A vote count as dots, as many as fit beside a sticky. */
export const voteDots = (count: number) => '●'.repeat(Math.min(count, 12))

/**
 * The vote: before the reveal, the candidates with this person's own votes
 * (and buttons to add or take one back); after it, every candidate sorted by
 * votes, which the board highlights too.
 */
export function VotePanel({ vote }: { vote: VoteRound }) {
  const editor = useEditor()
  const session = useFacilitationSession()
  const mine = useValue(session.$ballot)
  const [error, setError] = useState<string>()
  const voter = can(session.board.role, 'edit')
  const rows = vote.status === 'revealed' ? vote.results : vote.candidates.map((shapeId) => ({ shapeId, votes: mine?.votes[shapeId] ?? 0 }))
  const labels = useValue('vote labels', () => rows.map((row) => labelOf(editor, row.shapeId)), [editor, rows])

  const mark = (action: 'add' | 'withdraw', shapeId: string) => {
    setError(undefined)
    ballot(session.board, { action, shapeId }).then(
      (next) => session.$ballot.set(next),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }
  const show = (shapeId: string) => {
    if (!editor.getShape(shapeId as TLShapeId)) return
    editor.select(shapeId as TLShapeId)
    editor.zoomToSelection({ animation: { duration: 200 } })
  }

  return (
    <section className="es-vote" aria-label={vote.status === 'revealed' ? 'Vote results' : 'Dot voting'} onPointerDown={(event) => event.stopPropagation()}>
      <header>
        {vote.status === 'revealed' ? (
          <strong>
            Results: {vote.voters} {vote.voters === 1 ? 'person' : 'people'} voted
          </strong>
        ) : voter ? (
          <strong data-testid="votes-left">
            {mine ? `${mine.left} of ${vote.votesPerPerson} votes left` : `${vote.votesPerPerson} votes each`}
          </strong>
        ) : (
          <strong>Voting: the results show when the facilitator reveals them</strong>
        )}
      </header>
      <ol>
        {rows.map((row, index) => (
          <li key={row.shapeId} data-votes={row.votes}>
            <button type="button" className="es-vote__label" onClick={() => show(row.shapeId)}>
              {labels[index]}
            </button>
            <span className="es-vote__dots" aria-label={`${row.votes} ${vote.status === 'revealed' ? 'votes' : 'of your votes'}`}>
              {voteDots(row.votes)} {row.votes}
            </span>
            {vote.status === 'open' && voter && (
              <>
                <button type="button" aria-label={`Vote for ${labels[index]}`} disabled={!mine || mine.left === 0} onClick={() => mark('add', row.shapeId)}>
                  +
                </button>
                <button type="button" aria-label={`Withdraw a vote from ${labels[index]}`} disabled={row.votes === 0} onClick={() => mark('withdraw', row.shapeId)}>
                  −
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
