import { HTMLContainer, PlainTextLabel, Rectangle2d, ShapeUtil, type TLResizeInfo } from 'tldraw'
import { type LabelShape, defaultLabelProps, labelShapeMigrations, labelShapeProps, labelShapeType } from '@/lib/board/shapes/labelShape'
import { boardFontFaces } from './boardFonts'

const labelHeight = 56
const labelFontSize = 28

/** Free text such as a section title over part of the timeline; it names suggested contexts. */
export class LabelShapeUtil extends ShapeUtil<LabelShape> {
  static override type = labelShapeType
  static override props = labelShapeProps
  static override migrations = labelShapeMigrations

  override getFontFaces() {
    return boardFontFaces
  }

  getDefaultProps() {
    return defaultLabelProps()
  }

  override canEdit() {
    return true
  }

  override getText(shape: LabelShape) {
    return shape.props.text
  }

  getGeometry(shape: LabelShape) {
    return new Rectangle2d({ width: shape.props.w, height: labelHeight, isFilled: true })
  }

  override onResize(shape: LabelShape, info: TLResizeInfo<LabelShape>) {
    return { props: { w: Math.max(60, shape.props.w * Math.abs(info.scaleX)) } }
  }

  component(shape: LabelShape) {
    return (
      <HTMLContainer className="es-label" style={{ width: shape.props.w, height: labelHeight }}>
        <PlainTextLabel
          shapeId={shape.id}
          type={labelShapeType}
          text={shape.props.text}
          labelColor="var(--ink)"
          fontFamily="var(--tl-font-sans)"
          fontSize={labelFontSize}
          lineHeight={1.2}
          textAlign="start"
          verticalAlign="middle"
          padding={4}
          isSelected={this.editor.getOnlySelectedShapeId() === shape.id}
          wrap
          showTextOutline={false}
        />
      </HTMLContainer>
    )
  }

  getIndicatorPath(shape: LabelShape) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, labelHeight)
    return path
  }
}
