import { boundaryShapeType } from './shapes/boundaryShape.ts'
import { contextShapeType } from './shapes/contextShape.ts'
import { labelShapeType } from './shapes/labelShape.ts'
import { laneShapeType } from './shapes/laneShape.ts'

/**
 * The board's structure, beside the stickies: bounded contexts, swimlanes,
 * pivotal boundaries and section titles. One definition each, shared by the
 * palette and whatever names them to people.
 */
export const structureKinds = ['context', 'lane', 'boundary', 'label'] as const

export type StructureKind = (typeof structureKinds)[number]

export const structureDefinitions: Record<StructureKind, { label: string; shapeType: string }> = {
  context: { label: 'Bounded context', shapeType: contextShapeType },
  lane: { label: 'Swimlane', shapeType: laneShapeType },
  boundary: { label: 'Pivotal boundary', shapeType: boundaryShapeType },
  label: { label: 'Section title', shapeType: labelShapeType },
}
