'use client'

import { useEditor, useValue } from 'tldraw'
import { type WorkshopLevel, workshopLevelOf, workshopLevels } from '@/lib/board/workshopLevel'

const labels: Record<WorkshopLevel, string> = { 'big-picture': 'Big picture', process: 'Process', design: 'Design' }

/** The workshop's level, shared by everyone: design level asks for event fields. */
export function WorkshopLevelSelect() {
  const editor = useEditor()
  const level = useValue('workshop level', () => workshopLevelOf(editor.getDocumentSettings()), [editor])
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  return (
    <select
      aria-label="Workshop level"
      value={level}
      disabled={readOnly}
      onChange={(event) => {
        const meta = editor.getDocumentSettings().meta
        editor.updateDocumentSettings({ meta: { ...meta, workshopLevel: event.target.value } })
      }}
    >
      {workshopLevels.map((value) => (
        <option key={value} value={value}>
          {labels[value]}
        </option>
      ))}
    </select>
  )
}
