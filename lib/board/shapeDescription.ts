import type { TLShape } from '@tldraw/tlschema'
import { elementKindDefinitions, isElementKind } from './elementKinds.ts'
import { stickyShapeType } from './shapes/stickyShape.ts'
import { structureDefinitions, structureKinds } from './structureKinds.ts'

/** What a shape is and what it says, as a person would name it in a list of changes. */
export interface ShapeDescription {
  /** "Domain event", "Bounded context", "Arrow"… */
  what: string
  /** Its text, name or label; empty when it has none. */
  text: string
}

/** tldraw's own shapes, by type; any other is named by its type. */
const drawnShapes: Record<string, string> = {
  arrow: 'Arrow',
  geo: 'Shape',
  text: 'Text',
  draw: 'Drawing',
  line: 'Line',
  highlight: 'Highlight',
  frame: 'Frame',
  note: 'Note',
  group: 'Group',
}

const structureByShapeType = new Map(structureKinds.map((kind) => [structureDefinitions[kind].shapeType, structureDefinitions[kind].label]))

export function describeShape(shape: TLShape): ShapeDescription {
  const props = shape.props as Record<string, unknown>
  if (shape.type === stickyShapeType && isElementKind(props.kind)) return { what: elementKindDefinitions[props.kind].label, text: textOf(props.text) }
  const structure = structureByShapeType.get(shape.type)
  if (structure) return { what: structure, text: textOf(props.name ?? props.label ?? props.text) }
  return { what: drawnShapes[shape.type] ?? shape.type, text: '' }
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')
