import { T } from '@tldraw/validate'
import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema'
import { boundedString, limits } from '../limits.ts'

/** Free text on the board, such as a section title above part of the timeline. */
export const labelShapeType = 'es-label'

export interface LabelShapeProps {
  w: number
  text: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [labelShapeType]: LabelShapeProps
  }
}

export type LabelShape = TLShape<typeof labelShapeType>

export const labelShapeProps: RecordProps<LabelShape> = {
  w: T.nonZeroNumber,
  text: boundedString(limits.text),
}

export const labelShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultLabelProps(): LabelShapeProps {
  return { w: 320, text: 'Section' }
}
