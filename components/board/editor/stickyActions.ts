import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { type ElementKind, elementKindDefinitions } from '@/lib/board/elementKinds'
import { freeSpotNear, nextToTheRight } from '@/lib/board/placement'
import { defaultStickyProps, type StickyShape, stickyShapeType } from '@/lib/board/shapes/stickyShape'

/** Editor behaviour for stickies, kept apart from the React that draws them. */

export function isSticky(shape: { type: string } | undefined): shape is StickyShape {
  return shape?.type === stickyShapeType
}

/** Enters text editing on a shape, as a double-click would, so typing starts at once. */
export function startEditing(editor: Editor, id: TLShapeId): void {
  const shape = editor.getShape(id)
  if (!shape) return
  editor.select(id)
  editor.setEditingShape(shape)
  editor.setCurrentTool('select.editing_shape', { target: 'shape', shape })
}

/** Places a sticky of a kind at the pointer (or the middle of the view) on a free spot, and edits it. */
export function placeSticky(editor: Editor, kind: ElementKind, at = pointOfAttention(editor)): TLShapeId {
  const definition = elementKindDefinitions[kind]
  const taken = editor
    .getCurrentPageShapes()
    .filter(isSticky)
    .map((s) => ({ x: s.x, y: s.y, w: s.props.w, h: s.props.h }))
  const spot = freeSpotNear(at, { w: definition.w, h: definition.h }, taken)
  return createSticky(editor, kind, spot)
}

/** Tab while writing: the next event goes to the right, on the same row, ready to type. */
export function addNextEvent(editor: Editor, from: StickyShape): TLShapeId {
  const { w, h } = elementKindDefinitions.event
  return createSticky(editor, 'event', nextToTheRight({ x: from.x, y: from.y, w: from.props.w, h: from.props.h }, { w, h }))
}

function createSticky(editor: Editor, kind: ElementKind, box: { x: number; y: number }): TLShapeId {
  const id = createShapeId()
  editor.markHistoryStoppingPoint('place sticky')
  editor.createShape<StickyShape>({
    id,
    type: stickyShapeType,
    x: box.x,
    y: box.y,
    rotation: (elementKindDefinitions[kind].rotation * Math.PI) / 180,
    props: defaultStickyProps(kind),
  })
  startEditing(editor, id)
  return id
}

function pointOfAttention(editor: Editor): { x: number; y: number } {
  const pointer = editor.inputs.getCurrentPagePoint()
  const viewport = editor.getViewportPageBounds()
  return viewport.containsPoint(pointer) ? pointer : viewport.center
}
