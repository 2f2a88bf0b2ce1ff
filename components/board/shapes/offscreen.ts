import { type Editor, type TLShape, type TLShapeId, createComputedCache } from 'tldraw'

/**
 * Whether tldraw culls this shape (off screen, hidden with `display: none`).
 * Kept per shape, so a shape's component re-renders only when its own answer
 * changes, not whenever any shape scrolls in or out of view.
 */
const culled = createComputedCache('es culled', (editor: Editor, shape: TLShape) => editor.getCulledShapes().has(shape.id))

export function isOffscreen(editor: Editor, id: TLShapeId): boolean {
  return culled.get(editor, id) ?? false
}
