import type { ElementKind } from '../board/elementKinds.ts'
import type { EventContract } from '../board/eventContract.ts'
import type { WorkshopLevel } from '../board/workshopLevel.ts'

/**
 * A board as plain data, independent of tldraw: what import produces and
 * export writes. Positions are canvas coordinates of the top-left corner.
 */
export interface BoardContent {
  name: string
  level: WorkshopLevel
  elements: ElementContent[]
  contexts: ContextContent[]
  lanes: LaneContent[]
  boundaries: BoundaryContent[]
  labels: LabelContent[]
  flows: FlowContent[]
}

export interface ElementContent {
  id: string
  kind: ElementKind
  text: string
  x: number
  y: number
  /** Defaults to the kind's size. */
  w?: number
  h?: number
  pivotal?: boolean
  resolved?: boolean
  contract?: EventContract
}

export interface ContextContent {
  id: string
  name: string
  source: string
  team: string
  description: string
  x: number
  y: number
  w: number
  h: number
}

export interface LaneContent {
  id: string
  label: string
  x: number
  y: number
  w: number
  h: number
}

export interface BoundaryContent {
  id: string
  label: string
  x: number
  y: number
  h: number
}

export interface LabelContent {
  id: string
  text: string
  x: number
  y: number
  w?: number
}

/** An arrow from one element to another. */
export interface FlowContent {
  id: string
  from: string
  to: string
}

export function emptyBoardContent(name: string): BoardContent {
  return { name, level: 'big-picture', elements: [], contexts: [], lanes: [], boundaries: [], labels: [], flows: [] }
}
