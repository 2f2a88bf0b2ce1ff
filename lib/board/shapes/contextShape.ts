import { T } from '@tldraw/validate'
import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema'
import { boundedString, limits } from '../limits.ts'

/** A bounded context: a named area; the stickies whose centre lies inside it belong to it. */
export const contextShapeType = 'es-context'

export interface ContextShapeProps {
  w: number
  h: number
  name: string
  /** Reverse-DNS event source, e.g. com.acme.orders. */
  source: string
  team: string
  description: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [contextShapeType]: ContextShapeProps
  }
}

export type ContextShape = TLShape<typeof contextShapeType>

/** Reverse-DNS: lower-case labels separated by dots, at least two of them. */
export const eventSourcePattern = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/

export const contextShapeProps: RecordProps<ContextShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  name: boundedString(limits.name),
  source: boundedString(limits.name),
  team: boundedString(limits.name),
  description: boundedString(limits.description),
}

export const contextShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultContextProps(): ContextShapeProps {
  return { w: 800, h: 500, name: 'New context', source: '', team: '', description: '' }
}
