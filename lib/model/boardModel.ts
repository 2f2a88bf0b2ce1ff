import type { TLRecord } from '@tldraw/tlschema'
import { type ElementKind, elementKindDefinitions, elementKinds } from '../board/elementKinds.ts'
import { type EventContract, emptyContract } from '../board/eventContract.ts'
import { defaultLabelProps } from '../board/shapes/labelShape.ts'
import type { WorkshopLevel } from '../board/workshopLevel.ts'
import type { BoardContent, ElementContent } from '../boardFile/boardContent.ts'
import { recordsToContent } from '../boardFile/recordsToContent.ts'
import { type Flow, boardFlows } from './flows.ts'
import { type Bounds, centreOf, inTimelineOrder, innermost } from './geometry.ts'
import { groupBy } from './groupBy.ts'
import { type RowBand, boardRows, inRowOrder, stickySize } from './rows.ts'

/**
 * Model ids are the tldraw shape ids without their "shape:" prefix: the ids
 * board files and import keep there, so the model, files and API name a
 * sticky alike, and `createShapeId(id)` finds it on the board again.
 */
export type ElementId = string
export type ContextId = string
export type LaneId = string

interface ElementCommon {
  id: ElementId
  text: string
  /** On the page; a rotated sticky (a hotspot) is taken as unrotated. */
  bounds: Bounds
  /** The innermost context around the sticky's centre. */
  contextId: ContextId | null
  /** The lane whose band holds the sticky's centre. */
  laneId: LaneId | null
  /** The flow row it is read in: an index into the model's rows. */
  row: number
}

/** Who produces an event: named in its contract, else the aggregate flowing into it, else its context. */
export type Producer =
  | { from: 'contract'; name: string }
  | { from: 'aggregate'; name: string; elementId: ElementId }
  | { from: 'context'; name: string; contextId: ContextId }

export interface DomainEvent extends ElementCommon {
  kind: 'event'
  pivotal: boolean
  contract: EventContract
  producer: Producer | null
}

export interface Hotspot extends ElementCommon {
  kind: 'hotspot'
  resolved: boolean
}

type PlainKind = Exclude<ElementKind, 'event' | 'hotspot'>
/** Every other kind, one member per kind so that `ElementOfKind` can pick it. */
export type PlainElement = { [K in PlainKind]: ElementCommon & { kind: K } }[PlainKind]

export type ModelElement = DomainEvent | Hotspot | PlainElement
export type ElementOfKind<K extends ElementKind> = Extract<ModelElement, { kind: K }>
/** Each kind's elements in timeline order. */
export type ElementsByKind = { [K in ElementKind]: ElementOfKind<K>[] }

export interface BoundedContext {
  id: ContextId
  name: string
  /** Reverse-DNS event source, e.g. com.acme.orders; may still be empty. */
  source: string
  team: string
  description: string
  bounds: Bounds
  /** Its elements in timeline order. */
  elementIds: ElementId[]
  /** Its events in timeline order. */
  timeline: ElementId[]
}

export interface Lane {
  id: LaneId
  label: string
  bounds: Bounds
  elementIds: ElementId[]
  timeline: ElementId[]
}

/**
 * A flow row: events read left to right (in a lane where lanes are drawn), and
 * the stickies beside them. Rows on one line of the board are one row that a
 * wide gap splits (rows.ts).
 */
export interface Row {
  laneId: LaneId | null
  /** The line of the board it lies on, counted top to bottom. */
  line: number
  /** Around the events that make the row. */
  bounds: Bounds
  elementIds: ElementId[]
  timeline: ElementId[]
}

/** A vertical line between phases of the timeline; it may span only some rows. */
export interface PivotalBoundary {
  id: string
  label: string
  x: number
  top: number
  bottom: number
}

/** Free text on the board; those above a row or in its band title sections of it. */
export interface Label {
  id: string
  text: string
  /** Top-left corner. */
  x: number
  y: number
  w: number
}

/** Timeline order reads the rows in their order, each left to right (a column top to bottom). */
export interface BoardModel {
  level: WorkshopLevel
  /** In timeline order. */
  contexts: BoundedContext[]
  /** Top to bottom. */
  lanes: Lane[]
  /** In reading order: rows that overlap along x top to bottom, rows apart along x left to right. */
  rows: Row[]
  /** Left to right. */
  boundaries: PivotalBoundary[]
  labels: Label[]
  elements: ElementsByKind
  /** Elements in no context, in timeline order. */
  outsideContexts: ElementId[]
  /** Every event on the board in timeline order. */
  timeline: ElementId[]
  pivotalEvents: ElementId[]
  flows: Flow[]
}

/**
 * The EventStorming model of a board's tldraw records, as `docToRecords` reads
 * them from its Y.Doc. It reads them as board content, where shapes inside
 * groups have their page positions and records that fail the schema are left out.
 */
export function buildBoardModel(records: TLRecord[]): BoardModel {
  // The content's name is the board's, kept in the database; the model has no use for it.
  return modelOfContent(recordsToContent(records, ''))
}

export function modelOfContent(content: BoardContent): BoardModel {
  const contextAreas = content.contexts.map(({ x, y, w, h, ...context }) => ({ ...context, bounds: { x, y, w, h } }))
  const laneAreas = content.lanes.map(({ x, y, w, h, ...lane }) => ({ ...lane, bounds: { x, y, w, h } }))
  const { rows, placed } = inRows(content.elements.map((element) => place(element, contextAreas, laneAreas)))
  const flows = boardFlows(content.flows, placed)
  const producerOf = producers(placed, flows, contextAreas)
  const elements = placed.map((p) => modelElement(p, producerOf))

  const events = elements.filter((e) => e.kind === 'event')
  const inContext = groupBy(elements, (e) => e.contextId)
  const inLane = groupBy(elements, (e) => e.laneId)
  const inRow = groupBy(elements, (e) => e.row)
  const idsOf = (list: readonly ModelElement[] = []) => list.map((e) => e.id)
  const members = (list: readonly ModelElement[] = []) => ({ elementIds: idsOf(list), timeline: idsOf(list.filter((e) => e.kind === 'event')) })
  return {
    level: content.level,
    contexts: contextAreas.map((context) => ({ ...context, ...members(inContext.get(context.id)) })).sort(inTimelineOrder),
    lanes: laneAreas.map((lane) => ({ ...lane, ...members(inLane.get(lane.id)) })).sort((a, b) => a.bounds.y - b.bounds.y),
    rows: rows.map((row, i) => ({ ...row, ...members(inRow.get(i)) })),
    boundaries: content.boundaries.map(({ id, label, x, y, h }) => ({ id, label, x, top: y, bottom: y + h })).sort((a, b) => a.x - b.x),
    labels: content.labels.map(({ w = defaultLabelProps().w, ...label }) => ({ ...label, w })).sort((a, b) => a.x - b.x || a.y - b.y),
    elements: Object.fromEntries(elementKinds.map((kind) => [kind, elements.filter((e) => e.kind === kind)])) as ElementsByKind,
    outsideContexts: idsOf(inContext.get(null)),
    timeline: idsOf(events),
    pivotalEvents: idsOf(events.filter((e) => e.pivotal)),
    flows,
  }
}

/** A sticky where it sits: its bounds, and the context and lane around its centre. */
interface Placed {
  element: ElementContent
  id: ElementId
  kind: ElementKind
  bounds: Bounds
  contextId: ContextId | null
  laneId: LaneId | null
  row: number
}

type Area = { id: string; bounds: Bounds }

function place(element: ElementContent, contexts: readonly Area[], lanes: readonly Area[]): Omit<Placed, 'row'> {
  const { x, y, kind } = element
  const bounds = { x, y, w: element.w ?? elementKindDefinitions[kind].w, h: element.h ?? elementKindDefinitions[kind].h }
  const centre = centreOf(bounds)
  return {
    element,
    id: element.id,
    kind,
    bounds,
    contextId: innermost(contexts, centre)?.id ?? null,
    laneId: innermost(lanes, centre)?.id ?? null,
  }
}

/** The rows the stickies make, and the stickies with their rows in timeline order. */
function inRows(located: readonly Omit<Placed, 'row'>[]): { rows: RowBand[]; placed: Placed[] } {
  const { rows, rowOf } = boardRows(
    located.map((p) => ({ kind: p.kind, text: p.element.text, bounds: p.bounds, laneId: p.laneId })),
    stickySize(located),
  )
  return { rows, placed: located.map((p, i) => ({ ...p, row: rowOf[i]! })).sort(inRowOrder) }
}

/** Each event's producer: named in its contract, else the first aggregate flowing into it, else its context. */
function producers(placed: readonly Placed[], flows: readonly Flow[], contexts: readonly (Area & { name: string })[]) {
  const byId = new Map(placed.map((p) => [p.id, p]))
  const contextName = new Map(contexts.map((c) => [c.id, c.name]))
  const feedingAggregate = new Map<ElementId, Placed>()
  for (const flow of flows) {
    const from = byId.get(flow.from)
    if (from?.kind === 'aggregate' && !feedingAggregate.has(flow.to)) feedingAggregate.set(flow.to, from)
  }
  return (event: Placed): Producer | null => {
    const named = event.element.contract?.producer.trim()
    if (named) return { from: 'contract', name: named }
    const aggregate = feedingAggregate.get(event.id)
    if (aggregate) return { from: 'aggregate', name: aggregate.element.text, elementId: aggregate.id }
    return event.contextId === null ? null : { from: 'context', name: contextName.get(event.contextId) ?? '', contextId: event.contextId }
  }
}

function modelElement(placed: Placed, producerOf: (event: Placed) => Producer | null): ModelElement {
  const { id, kind, text, pivotal, contract, resolved } = placed.element
  const common = { id, text, bounds: placed.bounds, contextId: placed.contextId, laneId: placed.laneId, row: placed.row }
  switch (kind) {
    case 'event':
      return { ...common, kind, pivotal: !!pivotal, contract: contract ?? emptyContract(), producer: producerOf(placed) }
    case 'hotspot':
      return { ...common, kind, resolved: !!resolved }
    default:
      return { ...common, kind }
  }
}

/** Every element of the model in timeline order. */
export function elementsOf(model: BoardModel): ModelElement[] {
  return elementKinds.flatMap((kind): ModelElement[] => model.elements[kind]).sort(inRowOrder)
}
