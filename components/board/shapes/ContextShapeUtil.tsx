import { HTMLContainer } from 'tldraw'
import {
  type ContextShape,
  contextShapeMigrations,
  contextShapeProps,
  contextShapeType,
  defaultContextProps,
} from '@/lib/board/shapes/contextShape'
import { AreaShapeUtil } from './AreaShapeUtil'

/** A bounded context: a named area drawn behind the stickies; its title takes clicks. */
export class ContextShapeUtil extends AreaShapeUtil<ContextShape> {
  static override type = contextShapeType
  static override props = contextShapeProps
  static override migrations = contextShapeMigrations

  getDefaultProps() {
    return defaultContextProps()
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
}
