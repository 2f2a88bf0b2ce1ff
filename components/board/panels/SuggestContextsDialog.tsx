'use client'

import { useState } from 'react'
import { useEditor } from 'tldraw'
import { contextShapesFor } from '@/lib/model/contextShapes'
import { type ContextProposal, suggestContexts } from '@/lib/model/suggestContexts'
import { currentModel, documentRecords } from '../editor/boardModel'

/** Proposes bounded contexts from the board's rows, titles, lanes and boundaries, each with its confidence and reason; adds them only on accept. */
export function SuggestContexts() {
  const editor = useEditor()
  const [proposals, setProposals] = useState<ContextProposal[] | null>(null)

  const accept = () => {
    if (!proposals) return
    editor.markHistoryStoppingPoint('apply suggested contexts')
    editor.createShapes(contextShapesFor(proposals, documentRecords(editor)))
    setProposals(null)
  }

  return (
    <>
      <button type="button" className="es-palette__item" aria-label="Suggest contexts" onClick={() => setProposals(suggestContexts(currentModel(editor)))}>
        <span className="es-palette__swatch es-palette__swatch--suggest">✦</span>
        <span className="es-palette__label">Suggest contexts</span>
      </button>
      {proposals && (
        <div className="es-dialog" role="dialog" aria-label="Suggested bounded contexts" onPointerDown={(e) => e.stopPropagation()}>
          <h2>Suggested bounded contexts</h2>
          {proposals.length === 0 ? (
            <p>Nothing to suggest: add section titles, swimlanes or pivotal boundaries, or every sticky is in a context already.</p>
          ) : (
            <ol>
              {proposals.map((proposal) => (
                <li key={proposal.elementIds[0]} className="es-suggestion" data-confidence={proposal.confidence}>
                  <strong>{proposal.name}</strong>
                  {proposal.guessed && <em className="es-suggestion__guess"> (guessed name)</em>} · {proposal.elementIds.length} stickies ·{' '}
                  <span className="es-suggestion__confidence">{proposal.confidence} confidence</span>
                  <p className="es-suggestion__reason">{proposal.reason}</p>
                </li>
              ))}
            </ol>
          )}
          <div className="es-dialog__actions">
            <button type="button" onClick={() => setProposals(null)}>
              Cancel
            </button>
            {proposals.length > 0 && (
              <button type="button" className="es-dialog__primary" onClick={accept}>
                Add {proposals.length} {proposals.length === 1 ? 'context' : 'contexts'}
              </button>
            )}
          </div>
        </div>
      )}
    </>
  )
}
