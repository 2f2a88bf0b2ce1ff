import { T } from '@tldraw/validate'
import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema'
import { boundedString, limits } from '../limits.ts'

/** A vertical pivotal boundary: splits the timeline into phases. */
export const boundaryShapeType = 'es-boundary'

export interface BoundaryShapeProps {
  h: number
  label: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [boundaryShapeType]: BoundaryShapeProps
  }
}

export type BoundaryShape = TLShape<typeof boundaryShapeType>

export const boundaryShapeProps: RecordProps<BoundaryShape> = {
  h: T.nonZeroNumber,
  label: boundedString(limits.name),
}

export const boundaryShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultBoundaryProps(): BoundaryShapeProps {
  return { h: 1200, label: '' }
}
