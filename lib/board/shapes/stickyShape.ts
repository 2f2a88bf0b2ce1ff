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

/**
 * A sticky that says nothing: no text, and nothing else filled in (a
 * contract, pivotal, resolved). Left like this when its editing ends, it is
 * removed, as tldraw removes an empty text; one that carries a contract is kept.
 */
export function isBlankSticky(props: StickyShapeProps): boolean {
  const { contract } = props
  const contractEmpty = contract.fields.length === 0 && !contract.description.trim() && !contract.producer.trim() && contract.version === 1
  return !props.text.trim() && contractEmpty && !props.pivotal && !props.resolved
}
