'use client'

import { useEffect, useState } from 'react'
import { useEditor } from 'tldraw'
import { type Finding, checkModel } from '@/lib/model/checks'
import { currentModel, onDocumentSettled, showElements } from '../editor/boardModel'

const severityIcon = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const

/** What the model checks find on the board; a click selects and shows the stickies concerned. */
export function ProblemsPanel() {
  const editor = useEditor()
  const [open, setOpen] = useState(false)
  const [findings, setFindings] = useState<Finding[]>([])
  useEffect(() => onDocumentSettled(editor, 400, () => setFindings(checkModel(currentModel(editor)))), [editor])

  const problems = findings.filter((f) => f.severity !== 'info').length
  return (
    <div className="es-problems" onPointerDown={(e) => e.stopPropagation()}>
      <button type="button" className="es-problems__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Problems <span className="es-problems__count">{problems}</span>
        {findings.length > problems && <span className="es-problems__notes"> · {findings.length - problems} notes</span>}
      </button>
      {open && (
        <ul className="es-problems__list" aria-label="Problems">
          {findings.length === 0 && <li className="es-problems__empty">Nothing to report.</li>}
          {findings.map((finding) => (
            <li key={finding.id}>
              <button type="button" data-rule={finding.rule} onClick={() => showElements(editor, finding.elementIds)}>
                <span aria-label={finding.severity}>{severityIcon[finding.severity]}</span> {finding.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
