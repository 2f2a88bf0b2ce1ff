'use client'

import { useEditor, useValue } from 'tldraw'
import { InspectorPanel } from './InspectorPanel'
import { LegendPanel } from './LegendPanel'
import { Palette } from './Palette'
import { ProblemsPanel } from './ProblemsPanel'

/** The EventStorming panels drawn over the canvas. */
export function BoardOverlay() {
  const editor = useEditor()
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  return (
    <>
      {!readOnly && <Palette />}
      <div className="es-dock">
        <LegendPanel />
        <ProblemsPanel />
      </div>
      <InspectorPanel />
    </>
  )
}
