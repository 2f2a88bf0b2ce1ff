import { useEffect, useState } from 'react'
import { ArrowShapeUtil, DrawShapeUtil, GeoShapeUtil, type TLShape, type TLShapeUtilCanvasSvgDef, useEditor, useValue } from 'tldraw'

/**
 * tldraw's geo, draw and arrow shapes, whose canvas draws the hatch pattern
 * of the "pattern" fill only once a shape on the page has that fill. tldraw
 * draws the pattern when the canvas mounts, as an image for every zoom up to
 * its widest (8 / 0.05: nine sizes up to 2,048 px square, in light and dark):
 * 100 to 300 ms of every board page load in Chromium here, for a fill that
 * EventStorming boards seldom use. Exports draw their own pattern.
 */
export class GeoPatternOnceUsedShapeUtil extends GeoShapeUtil {
  override getCanvasSvgDefs() {
    return super.getCanvasSvgDefs().map(onceUsed)
  }
}

export class DrawPatternOnceUsedShapeUtil extends DrawShapeUtil {
  override getCanvasSvgDefs() {
    return super.getCanvasSvgDefs().map(onceUsed)
  }
}

export class ArrowPatternOnceUsedShapeUtil extends ArrowShapeUtil {
  override getCanvasSvgDefs() {
    return super.getCanvasSvgDefs().map(onceUsed)
  }
}

const isPatterned = (shape: TLShape) => 'fill' in shape.props && shape.props.fill === 'pattern'

/** One wrapper per definition, so the canvas keeps the same component across renders. */
const wrapped = new Map<TLShapeUtilCanvasSvgDef['component'], TLShapeUtilCanvasSvgDef['component']>()

function onceUsed({ key, component: Pattern }: TLShapeUtilCanvasSvgDef): TLShapeUtilCanvasSvgDef {
  let component = wrapped.get(Pattern)
  if (!component) {
    component = function PatternOnceUsed() {
      const editor = useEditor()
      const used = useValue('pattern fill used', () => editor.getCurrentPageShapes().some(isPatterned), [editor])
      // Made once, it stays: a fill changed back and forth does not draw it all again.
      const [made, setMade] = useState(false)
      useEffect(() => {
        if (used) setMade(true)
      }, [used])
      return used || made ? <Pattern /> : null
    }
    wrapped.set(Pattern, component)
  }
  return { key, component }
}
