import { HTMLContainer } from 'tldraw'
import { type LaneShape, defaultLaneProps, laneShapeMigrations, laneShapeProps, laneShapeType } from '@/lib/board/shapes/laneShape'
import { AreaShapeUtil } from './AreaShapeUtil'

/** A horizontal swimlane: a labelled band behind the stickies. */
export class LaneShapeUtil extends AreaShapeUtil<LaneShape> {
  static override type = laneShapeType
  static override props = laneShapeProps
  static override migrations = laneShapeMigrations

  getDefaultProps() {
    return defaultLaneProps()
  }

  component(shape: LaneShape) {
    return (
      <HTMLContainer className="es-lane" style={{ width: shape.props.w, height: shape.props.h }}>
        <div className="es-lane__label">{shape.props.label}</div>
      </HTMLContainer>
    )
  }
}
