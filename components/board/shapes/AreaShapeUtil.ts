import { BaseBoxShapeUtil, Rectangle2d, type TLBaseBoxShape } from 'tldraw'
import { boardFontFaces } from './boardFonts'

/**
 * An area drawn behind the stickies (a bounded context, a swimlane): a box
 * whose inside takes no clicks, so the stickies on it stay easy to pick, and
 * which resizes but does not rotate.
 */
export abstract class AreaShapeUtil<Shape extends TLBaseBoxShape> extends BaseBoxShapeUtil<Shape> {
  override getGeometry(shape: Shape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: false })
  }

  override getFontFaces() {
    return boardFontFaces
  }

  override hideRotateHandle() {
    return true
  }

  getIndicatorPath(shape: Shape) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
