import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { type BoundaryShape, boundaryShapeType, defaultBoundaryProps } from '@/lib/board/shapes/boundaryShape'
import { type ContextShape, contextShapeType, defaultContextProps } from '@/lib/board/shapes/contextShape'
import { type LabelShape, defaultLabelProps, labelShapeType } from '@/lib/board/shapes/labelShape'
import { type LaneShape, defaultLaneProps, laneShapeType } from '@/lib/board/shapes/laneShape'
import type { StructureKind } from '@/lib/board/structureKinds'
import { startEditing } from './stickyActions'

/** Places a piece of the board's structure (lib/board/structureKinds) in the middle of the view. */
export function placeStructure(editor: Editor, kind: StructureKind): TLShapeId {
  const centre = editor.getViewportPageBounds().center
  const id = createShapeId()
  editor.markHistoryStoppingPoint(`place ${kind}`)
  switch (kind) {
    case 'context': {
      const props = defaultContextProps()
      editor.createShape<ContextShape>({ id, type: contextShapeType, x: centre.x - props.w / 2, y: centre.y - props.h / 2, props })
      editor.sendToBack([id])
      break
    }
    case 'lane': {
      const props = { ...defaultLaneProps(), w: Math.max(defaultLaneProps().w, editor.getViewportPageBounds().w) }
      editor.createShape<LaneShape>({ id, type: laneShapeType, x: editor.getViewportPageBounds().x, y: centre.y - props.h / 2, props })
      editor.sendToBack([id])
      break
    }
    case 'boundary': {
      const props = defaultBoundaryProps()
      editor.createShape<BoundaryShape>({ id, type: boundaryShapeType, x: centre.x, y: centre.y - props.h / 2, props })
      break
    }
    case 'label': {
      const props = defaultLabelProps()
      editor.createShape<LabelShape>({ id, type: labelShapeType, x: centre.x - props.w / 2, y: centre.y, props })
      startEditing(editor, id)
      return id
    }
  }
  editor.select(id)
  return id
}
