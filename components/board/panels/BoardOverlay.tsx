'use client'

import { InspectorPanel } from './InspectorPanel'
import { LegendPanel } from './LegendPanel'
import { Palette } from './Palette'

/** The EventStorming panels drawn over the canvas. */
export function BoardOverlay() {
  return (
    <>
      <Palette />
      <LegendPanel />
      <InspectorPanel />
    </>
  )
}
