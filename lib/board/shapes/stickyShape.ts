import { T } from '@tldraw/validate'
import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema'
import { type ElementKind, elementKindDefinitions, elementKinds } from '../elementKinds.ts'
import { type EventContract, emptyContract, eventContractValidator } from '../eventContract.ts'
import { boundedString, limits } from '../limits.ts'

/** A sticky note of one EventStorming kind; events also carry their contract and may be pivotal. */
export const stickyShapeType = 'es-sticky'

export interface StickyShapeProps {
  kind: ElementKind
  text: string
  w: number
  h: number
  /** Events only: a pivotal event marks a boundary in the timeline. */
  pivotal: boolean
  /** Events only: the data the event carries. */
  contract: EventContract
  /** Hotspots only: resolved hotspots are no longer reported as open. */
  resolved: boolean
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [stickyShapeType]: StickyShapeProps
  }
}

export type StickyShape = TLShape<typeof stickyShapeType>

export const stickyShapeProps: RecordProps<StickyShape> = {
  kind: T.literalEnum(...elementKinds),
  text: boundedString(limits.text),
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  pivotal: T.boolean,
  contract: eventContractValidator,
  resolved: T.boolean,
}

export const stickyShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultStickyProps(kind: ElementKind = 'event'): StickyShapeProps {
  const { w, h } = elementKindDefinitions[kind]
  return { kind, text: '', w, h, pivotal: false, contract: emptyContract(), resolved: false }
}
