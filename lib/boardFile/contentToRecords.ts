import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  createBindingId,
  createShapeId,
  toRichText,
  type TLPageId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
} from '@tldraw/tlschema'
import { type IndexKey, getIndices } from '@tldraw/utils'
import { createBoardSchema } from '../board/boardSchema.ts'
import { elementKindDefinitions } from '../board/elementKinds.ts'
import { emptyContract } from '../board/eventContract.ts'
import { boundaryShapeType } from '../board/shapes/boundaryShape.ts'
import { contextShapeType } from '../board/shapes/contextShape.ts'
import { labelShapeType } from '../board/shapes/labelShape.ts'
import { laneShapeType } from '../board/shapes/laneShape.ts'
import { stickyShapeType } from '../board/shapes/stickyShape.ts'
import type { BoardContent, FlowContent } from './boardContent.ts'

export const boardPageId = PageRecordType.createId('page') as TLPageId

/** Record ids keep the content ids where they are safe, so a re-export names the same elements. */
export function shapeIdFor(contentId: string): TLShapeId {
  return createShapeId(contentId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64))
}

/**
 * The tldraw records of a new board holding the content: its document, one
 * page, and a shape per element, context, lane, boundary and label, plus an
 * arrow (with its two bindings) per flow. Every record is validated against
 * the board schema, so a board built here opens in any client.
 */
export function contentToRecords(content: BoardContent): TLRecord[] {
  const schema = createBoardSchema()
  const shapes: TLShape[] = []
  const base = (id: string, x: number, y: number) => ({
    id: shapeIdFor(id),
    typeName: 'shape' as const,
    x,
    y,
    rotation: 0,
    index: 'a1' as IndexKey,
    parentId: boardPageId,
    isLocked: false,
    opacity: 1,
    meta: {},
  })

  // Bottom to top: areas first, stickies over them, arrows last.
  for (const c of content.contexts) {
    shapes.push({ ...base(c.id, c.x, c.y), type: contextShapeType, props: { w: c.w, h: c.h, name: c.name, source: c.source, team: c.team, description: c.description } })
  }
  for (const l of content.lanes) {
    shapes.push({ ...base(l.id, l.x, l.y), type: laneShapeType, props: { w: l.w, h: l.h, label: l.label } })
  }
  for (const b of content.boundaries) {
    shapes.push({ ...base(b.id, b.x, b.y), type: boundaryShapeType, props: { h: b.h, label: b.label } })
  }
  for (const e of content.elements) {
    const definition = elementKindDefinitions[e.kind]
    shapes.push({
      ...base(e.id, e.x, e.y),
      rotation: (definition.rotation * Math.PI) / 180,
      type: stickyShapeType,
      props: {
        kind: e.kind,
        text: e.text,
        w: e.w ?? definition.w,
        h: e.h ?? definition.h,
        pivotal: e.kind === 'event' && !!e.pivotal,
        contract: e.contract ?? emptyContract(),
        resolved: !!e.resolved,
      },
    })
  }
  for (const l of content.labels) {
    shapes.push({ ...base(l.id, l.x, l.y), type: labelShapeType, props: { w: l.w ?? 320, text: l.text } })
  }
  const shapesById = new Map(shapes.map((s) => [s.id, s]))
  const byContentId = new Map(content.elements.map((e) => [e.id, shapesById.get(shapeIdFor(e.id))!]))
  const flowRecords = content.flows.flatMap((flow) => flowToRecords(flow, byContentId, base))
  const arrows = flowRecords.filter((r): r is TLShape => r.typeName === 'shape')
  const indices = getIndices(shapes.length + arrows.length)
  for (const [i, shape] of [...shapes, ...arrows].entries()) shape.index = indices[i + 1]!

  const document = DocumentRecordType.create({ id: TLDOCUMENT_ID, name: content.name, meta: { workshopLevel: content.level } })
  const page = PageRecordType.create({ id: boardPageId, name: 'Board', index: 'a1' as IndexKey })
  const records: TLRecord[] = [document, page, ...shapes, ...flowRecords]
  for (const record of records) schema.types[record.typeName].validate(record)
  return records
}

/** An arrow between the centres of two elements, bound at both ends so it follows them. */
function flowToRecords(
  flow: FlowContent,
  elements: Map<string, TLShape>,
  base: (id: string, x: number, y: number) => Omit<TLShape, 'type' | 'props'>,
): TLRecord[] {
  const from = elements.get(flow.from)
  const to = elements.get(flow.to)
  if (!from || !to) return []
  const centre = (s: TLShape) => {
    const { w, h } = s.props as { w: number; h: number }
    return { x: s.x + w / 2, y: s.y + h / 2 }
  }
  const start = centre(from)
  const end = centre(to)
  const arrow = {
    ...base(flow.id, start.x, start.y),
    type: 'arrow' as const,
    props: {
      kind: 'arc' as const,
      labelColor: 'black' as const,
      color: 'black' as const,
      fill: 'none' as const,
      dash: 'draw' as const,
      size: 'm' as const,
      arrowheadStart: 'none' as const,
      arrowheadEnd: 'arrow' as const,
      font: 'draw' as const,
      start: { x: 0, y: 0 },
      end: { x: end.x - start.x, y: end.y - start.y },
      bend: 0,
      richText: toRichText(''),
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
  } satisfies TLShape<'arrow'>
  const binding = (terminal: 'start' | 'end', toId: TLShapeId) => ({
    id: createBindingId(`${arrow.id.slice('shape:'.length)}-${terminal}`),
    typeName: 'binding' as const,
    type: 'arrow' as const,
    fromId: arrow.id,
    toId,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' as const },
    meta: {},
  })
  return [arrow, binding('start', from.id), binding('end', to.id)]
}
