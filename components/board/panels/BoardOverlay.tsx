'use client'

import { InspectorPanel } from './InspectorPanel'
import { LegendPanel } from './LegendPanel'
import { Palette } from './Palette'
import { ProblemsPanel } from './ProblemsPanel'

/** The EventStorming panels drawn over the canvas. */
export function BoardOverlay() {
  return (
    <>
      <Palette />
      <div className="es-dock">
        <LegendPanel />
        <ProblemsPanel />
      </div>
      <InspectorPanel />
    </>
  )
}
