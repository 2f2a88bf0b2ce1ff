import { HTMLContainer, Rectangle2d, ShapeUtil, type TLResizeInfo } from 'tldraw'
import {
  type BoundaryShape,
  boundaryShapeMigrations,
  boundaryShapeProps,
  boundaryShapeType,
  defaultBoundaryProps,
} from '@/lib/board/shapes/boundaryShape'
import { boardFontFaces } from './boardFonts'

/** Hit width of the line: wide enough to grab, drawn thin. */
const grabWidth = 16

/** A pivotal boundary: a vertical line that splits the timeline into phases. */
export class BoundaryShapeUtil extends ShapeUtil<BoundaryShape> {
  static override type = boundaryShapeType
  static override props = boundaryShapeProps
  static override migrations = boundaryShapeMigrations

  override getFontFaces() {
    return boardFontFaces
  }

  getDefaultProps() {
    return defaultBoundaryProps()
  }

  getGeometry(shape: BoundaryShape) {
    return new Rectangle2d({ x: -grabWidth / 2, width: grabWidth, height: shape.props.h, isFilled: true })
  }

  override hideRotateHandle() {
    return true
  }

  /** Only its length changes: a boundary has no width. */
  override onResize(shape: BoundaryShape, info: TLResizeInfo<BoundaryShape>) {
    return { props: { h: Math.max(40, shape.props.h * Math.abs(info.scaleY)) } }
  }

  component(shape: BoundaryShape) {
    return (
      <HTMLContainer className="es-boundary" style={{ height: shape.props.h }}>
        {shape.props.label && <div className="es-boundary__label">{shape.props.label}</div>}
      </HTMLContainer>
    )
  }

  getIndicatorPath(shape: BoundaryShape) {
    const path = new Path2D()
    path.rect(-grabWidth / 2, 0, grabWidth, shape.props.h)
    return path
  }
}
