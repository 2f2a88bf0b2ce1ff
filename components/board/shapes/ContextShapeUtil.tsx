import { HTMLContainer, Rectangle2d, ShapeUtil, resizeBox, type TLResizeInfo } from 'tldraw'
import {
  type ContextShape,
  contextShapeMigrations,
  contextShapeProps,
  contextShapeType,
  defaultContextProps,
} from '@/lib/board/shapes/contextShape'

/**
 * A bounded context: a named area drawn behind the stickies. Only its outline
 * and title take clicks, so stickies inside stay easy to pick.
 */
export class ContextShapeUtil extends ShapeUtil<ContextShape> {
  static override type = contextShapeType
  static override props = contextShapeProps
  static override migrations = contextShapeMigrations

  getDefaultProps() {
    return defaultContextProps()
  }

  getGeometry(shape: ContextShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: false })
  }

  override onResize(shape: ContextShape, info: TLResizeInfo<ContextShape>) {
    return resizeBox(shape, info)
  }

  override hideRotateHandle() {
    return true
  }

  component(shape: ContextShape) {
    const { w, h, name, source, team } = shape.props
    return (
      <HTMLContainer className="es-context" style={{ width: w, height: h }}>
        <div className="es-context__title">
          <strong>{name || 'Unnamed context'}</strong>
          {source && <span className="es-context__meta">{source}</span>}
          {team && <span className="es-context__meta">team {team}</span>}
        </div>
      </HTMLContainer>
    )
  }

  getIndicatorPath(shape: ContextShape) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
