import { HTMLContainer, Rectangle2d, ShapeUtil, resizeBox, type TLResizeInfo } from 'tldraw'
import { type LaneShape, defaultLaneProps, laneShapeMigrations, laneShapeProps, laneShapeType } from '@/lib/board/shapes/laneShape'

/** A horizontal swimlane: a labelled band behind the stickies. */
export class LaneShapeUtil extends ShapeUtil<LaneShape> {
  static override type = laneShapeType
  static override props = laneShapeProps
  static override migrations = laneShapeMigrations

  getDefaultProps() {
    return defaultLaneProps()
  }

  getGeometry(shape: LaneShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: false })
  }

  override onResize(shape: LaneShape, info: TLResizeInfo<LaneShape>) {
    return resizeBox(shape, info)
  }

  override hideRotateHandle() {
    return true
  }

  component(shape: LaneShape) {
    return (
      <HTMLContainer className="es-lane" style={{ width: shape.props.w, height: shape.props.h }}>
        <div className="es-lane__label">{shape.props.label}</div>
      </HTMLContainer>
    )
  }

  getIndicatorPath(shape: LaneShape) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
