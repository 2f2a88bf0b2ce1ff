import type { TLArrowBinding, TLDocument, TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { createBoardSchema } from '../board/boardSchema.ts'
import { boundaryShapeType } from '../board/shapes/boundaryShape.ts'
import { contextShapeType } from '../board/shapes/contextShape.ts'
import { labelShapeType } from '../board/shapes/labelShape.ts'
import { laneShapeType } from '../board/shapes/laneShape.ts'
import { stickyShapeType } from '../board/shapes/stickyShape.ts'
import { workshopLevelOf } from '../board/workshopLevel.ts'
import type { BoardContent, FlowContent } from './boardContent.ts'

/**
 * A board's records as plain content, the inverse of contentToRecords:
 * stickies, contexts, lanes, boundaries and labels at their page positions,
 * and the arrows bound at both ends to stickies as flows. Records that fail
 * the board schema are left out: any client can write into a board's doc.
 * The name is the board's, which lives in the database, not in the records.
 */
export function recordsToContent(records: TLRecord[], name: string): BoardContent {
  const valid = validRecords(records)
  const document = valid.find((r): r is TLDocument => r.typeName === 'document')
  const shapes = valid.filter((r): r is TLShape => r.typeName === 'shape').sort(byIndex)
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const ofType = <K extends TLShape['type']>(type: K) =>
    shapes.filter((s): s is TLShape<K> => s.type === type).map((shape) => ({ shape, id: contentId(shape.id), ...pagePosition(shape, byId) }))

  const elements = ofType(stickyShapeType).map(({ shape: { props }, id, x, y }) => ({
    id,
    kind: props.kind,
    text: props.text,
    x,
    y,
    w: props.w,
    h: props.h,
    pivotal: props.pivotal,
    resolved: props.resolved,
    ...(props.kind === 'event' && { contract: props.contract }),
  }))
  return {
    name,
    level: workshopLevelOf(document),
    elements,
    // Props are listed one by one: the file format changes by its version, not with the shapes.
    contexts: ofType(contextShapeType).map(({ shape: { props: p }, id, x, y }) => ({
      id,
      name: p.name,
      source: p.source,
      team: p.team,
      description: p.description,
      x,
      y,
      w: p.w,
      h: p.h,
    })),
    lanes: ofType(laneShapeType).map(({ shape: { props: p }, id, x, y }) => ({ id, label: p.label, x, y, w: p.w, h: p.h })),
    boundaries: ofType(boundaryShapeType).map(({ shape: { props: p }, id, x, y }) => ({ id, label: p.label, x, y, h: p.h })),
    labels: ofType(labelShapeType).map(({ shape: { props: p }, id, x, y }) => ({ id, text: p.text, x, y, w: p.w })),
    flows: flows(shapes, valid, new Set(elements.map((e) => e.id))),
  }
}

function validRecords(records: TLRecord[]): TLRecord[] {
  const { types } = createBoardSchema()
  return records.filter((record) => {
    try {
      types[record.typeName].validate(record)
      return true
    } catch {
      return false
    }
  })
}

const contentId = (shapeId: TLShapeId) => shapeId.slice('shape:'.length)

/** Z-order, so an export lists shapes in a stable, meaningful order. */
function byIndex(a: TLShape, b: TLShape): number {
  if (a.index !== b.index) return a.index < b.index ? -1 : 1
  return a.id < b.id ? -1 : 1
}

/** Where a shape sits on the page: positions inside groups and frames are relative to the parent. */
function pagePosition(shape: TLShape, byId: Map<TLShapeId, TLShape>): { x: number; y: number } {
  let { x, y } = shape
  const visited = new Set<TLShapeId>([shape.id])
  for (let parent = byId.get(shape.parentId as TLShapeId); parent && !visited.has(parent.id); parent = byId.get(parent.parentId as TLShapeId)) {
    visited.add(parent.id)
    const cos = Math.cos(parent.rotation)
    const sin = Math.sin(parent.rotation)
    ;[x, y] = [parent.x + x * cos - y * sin, parent.y + x * sin + y * cos]
  }
  return { x, y }
}

/** An arrow is a flow when both its ends are bound to exported stickies. */
function flows(shapes: TLShape[], records: TLRecord[], elementIds: Set<string>): FlowContent[] {
  const ends = new Map<string, { start?: string; end?: string }>()
  for (const record of records) {
    if (record.typeName !== 'binding' || record.type !== 'arrow') continue
    const binding = record as TLArrowBinding
    const arrowEnds = ends.get(binding.fromId) ?? {}
    arrowEnds[binding.props.terminal] = contentId(binding.toId)
    ends.set(binding.fromId, arrowEnds)
  }
  return shapes.flatMap((shape) => {
    const { start, end } = ends.get(shape.id) ?? {}
    if (shape.type !== 'arrow' || !start || !end || !elementIds.has(start) || !elementIds.has(end)) return []
    return [{ id: contentId(shape.id), from: start, to: end }]
  })
}
