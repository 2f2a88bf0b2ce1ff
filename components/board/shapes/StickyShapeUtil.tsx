import { HTMLContainer, PlainTextLabel, Rectangle2d, ShapeUtil, resizeBox, type TLResizeInfo, useSvgExportContext } from 'tldraw'
import { elementKindDefinitions, kindLabelOpacity } from '@/lib/board/elementKinds'
import {
  type StickyShape,
  defaultStickyProps,
  isBlankSticky,
  stickyShapeMigrations,
  stickyShapeProps,
  stickyShapeType,
} from '@/lib/board/shapes/stickyShape'
import { fitFontSize, stickyFont } from '@/lib/board/textFit'
import { addNextEvent } from '../editor/stickyActions'
import { boardFontFaces } from './boardFonts'
import { isOffscreen } from './offscreen'

/** How far a pivotal event's boundary line reaches above and below it. */
const pivotalReach = 600

/** An EventStorming sticky: its kind gives the colour and size; its text is edited in place. */
export class StickyShapeUtil extends ShapeUtil<StickyShape> {
  static override type = stickyShapeType
  static override props = stickyShapeProps
  static override migrations = stickyShapeMigrations

  override getFontFaces() {
    return boardFontFaces
  }

  getDefaultProps() {
    return defaultStickyProps('event')
  }

  override canEdit() {
    return true
  }

  override getText(shape: StickyShape) {
    return shape.props.text
  }

  /** A sticky placed and left without a word is removed when its editing ends. */
  override onEditEnd(shape: StickyShape) {
    const current = this.editor.getShape<StickyShape>(shape.id)
    if (current && isBlankSticky(current.props)) this.editor.deleteShapes([shape.id])
  }

  getGeometry(shape: StickyShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  override onResize(shape: StickyShape, info: TLResizeInfo<StickyShape>) {
    return resizeBox(shape, info)
  }

  component(shape: StickyShape) {
    // A board opens with thousands of stickies, nearly all off screen and hidden by tldraw: their
    // text and label are made only once they scroll into view (a picture draws every one).
    const exporting = useSvgExportContext() !== null
    if (!exporting && isOffscreen(this.editor, shape.id)) return null
    const { kind, text, w, h, pivotal, contract, resolved } = shape.props
    const definition = elementKindDefinitions[kind]
    const isSelected = this.editor.getOnlySelectedShapeId() === shape.id
    const fontSize = fitFontSize(text, w, h - 18)
    return (
      <HTMLContainer
        className="es-sticky"
        data-kind={kind}
        data-pivotal={pivotal || undefined}
        style={{ width: w, height: h, background: definition.fill, color: definition.ink }}
      >
        {pivotal && <div className="es-sticky__pivotal-line" style={{ top: -pivotalReach, height: h + 2 * pivotalReach }} />}
        <div className="es-sticky__kind" style={{ opacity: kindLabelOpacity }}>
          {definition.label}
          {kind === 'event' && contract.fields.length > 0 && <span className="es-sticky__badge">
              {contract.fields.length} {contract.fields.length === 1 ? 'field' : 'fields'}
            </span>}
          {kind === 'hotspot' && resolved && <span className="es-sticky__badge">resolved</span>}
        </div>
        <PlainTextLabel
          shapeId={shape.id}
          type={stickyShapeType}
          text={text}
          labelColor={definition.ink}
          fontFamily="var(--tl-font-sans)"
          fontSize={fontSize}
          lineHeight={stickyFont.lineHeight}
          textAlign="center"
          verticalAlign="middle"
          padding={stickyFont.padding}
          isSelected={isSelected}
          wrap
          showTextOutline={false}
          onKeyDown={(event) => {
            if (event.key !== 'Tab' || event.shiftKey) return
            event.preventDefault()
            event.stopPropagation()
            const current = this.editor.getShape<StickyShape>(shape.id)
            if (current) addNextEvent(this.editor, current)
          }}
        />
      </HTMLContainer>
    )
  }

  getIndicatorPath(shape: StickyShape) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
