import { T } from '@tldraw/validate'
import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema'
import { boundedString, limits } from '../limits.ts'

/** A horizontal swimlane: a labelled band across the timeline. */
export const laneShapeType = 'es-lane'

export interface LaneShapeProps {
  w: number
  h: number
  label: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [laneShapeType]: LaneShapeProps
  }
}

export type LaneShape = TLShape<typeof laneShapeType>

export const laneShapeProps: RecordProps<LaneShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  label: boundedString(limits.name),
}

export const laneShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultLaneProps(): LaneShapeProps {
  return { w: 2400, h: 260, label: 'Lane' }
}
