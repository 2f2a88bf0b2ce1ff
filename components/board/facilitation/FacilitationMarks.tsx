'use client'

import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { useFacilitationSession } from './FacilitationSession'
import { voteDots } from './VotePanel'

/**
 * Drawn on the canvas, in page space, above the shapes: a padlock on each
 * locked element, and the vote's dots on its candidates (your own before the
 * reveal, everyone's after it, the voted ones ringed).
 */
export function FacilitationMarks() {
  const editor = useEditor()
  const session = useFacilitationSession()
  const marks = useValue(
    'facilitation marks',
    () => {
      const { lockedShapes, vote } = session.$state.get()
      const mine = session.$ballot.get()
      const counts = new Map<string, number>()
      if (vote?.status === 'revealed') for (const { shapeId, votes } of vote.results) counts.set(shapeId, votes)
      else if (vote && mine) for (const [shapeId, votes] of Object.entries(mine.votes)) counts.set(shapeId, votes)
      const pageId = editor.getCurrentPageId()
      const ids = new Set([...lockedShapes, ...counts.keys()])
      return [...ids].flatMap((id) => {
        const shape = editor.getShape(id as TLShapeId)
        const bounds = shape && editor.getAncestorPageId(shape) === pageId ? editor.getShapePageBounds(shape) : undefined
        if (!bounds) return []
        return [{ id, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h, locked: lockedShapes.has(id), votes: counts.get(id) ?? 0, revealed: vote?.status === 'revealed' }]
      })
    },
    [editor, session],
  )
  return (
    <>
      {marks.map((mark) => (
        <div
          key={mark.id}
          className="es-mark"
          data-shape-id={mark.id}
          data-voted={mark.revealed && mark.votes > 0 ? '' : undefined}
          style={{ transform: `translate(${mark.x}px, ${mark.y}px)`, width: mark.w, height: mark.h }}
        >
          {mark.locked && (
            <span className="es-mark__lock" aria-label="Locked" role="img">
              🔒
            </span>
          )}
          {mark.votes > 0 && (
            <span className="es-mark__votes" data-testid="vote-mark">
              {voteDots(mark.votes)} {mark.votes}
            </span>
          )}
        </div>
      ))}
    </>
  )
}
