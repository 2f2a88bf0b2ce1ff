import { describe, expect, test } from 'vitest'
import { excalidrawWithoutImages, type PastedContent, withoutOutsideContent } from './outsideContent.ts'

const page = 'page:page'
const shape = (id: string, type: string, parentId = page) => ({ id, type, parentId })

describe('pasting content copied from a tldraw board', () => {
  test('keeps drawings and stickies as they are', () => {
    const content: PastedContent = {
      shapes: [shape('shape:a', 'geo'), shape('shape:b', 'sticky'), shape('shape:c', 'arrow')],
      rootShapeIds: ['shape:a', 'shape:b', 'shape:c'],
      bindings: [{ fromId: 'shape:c', toId: 'shape:a' }],
      assets: [],
    }
    expect(withoutOutsideContent(content)).toEqual(content)
  })
  test('leaves out images, videos, bookmarks and embeds, and their assets', () => {
    const pasted = withoutOutsideContent({
      shapes: [shape('shape:img', 'image'), shape('shape:vid', 'video'), shape('shape:link', 'bookmark'), shape('shape:yt', 'embed'), shape('shape:a', 'geo')],
      rootShapeIds: ['shape:img', 'shape:vid', 'shape:link', 'shape:yt', 'shape:a'],
      bindings: undefined,
      assets: [{ type: 'image' }, { type: 'video' }, { type: 'bookmark' }],
    })
    expect(pasted.shapes.map((s) => s.id)).toEqual(['shape:a'])
    expect(pasted.rootShapeIds).toEqual(['shape:a'])
    expect(pasted.assets).toEqual([])
  })
  test('an arrow pointing at a left-out image arrives unbound', () => {
    const pasted = withoutOutsideContent({
      shapes: [shape('shape:img', 'image'), shape('shape:c', 'arrow'), shape('shape:a', 'geo')],
      rootShapeIds: ['shape:img', 'shape:c', 'shape:a'],
      bindings: [
        { fromId: 'shape:c', toId: 'shape:img' },
        { fromId: 'shape:c', toId: 'shape:a' },
      ],
      assets: [],
    })
    expect(pasted.bindings).toEqual([{ fromId: 'shape:c', toId: 'shape:a' }])
  })
  test('whatever a left-out shape holds goes with it, in any order, even in a parent cycle', () => {
    const pasted = withoutOutsideContent({
      shapes: [shape('shape:child', 'geo', 'shape:img'), shape('shape:img', 'image', 'shape:frame'), shape('shape:frame', 'frame')],
      rootShapeIds: ['shape:frame'],
      bindings: undefined,
      assets: [],
    })
    expect(pasted.shapes.map((s) => s.id)).toEqual(['shape:frame'])
    const cycle = withoutOutsideContent({
      shapes: [shape('shape:x', 'geo', 'shape:y'), shape('shape:y', 'geo', 'shape:x')],
      rootShapeIds: [],
      bindings: undefined,
      assets: [],
    })
    expect(cycle.shapes).toHaveLength(2)
  })
})

test('pasting from Excalidraw leaves out its images', () => {
  const pasted = excalidrawWithoutImages({ type: 'excalidraw/clipboard', elements: [{ type: 'rectangle' }, { type: 'image' }, { type: 'text' }] })
  expect(pasted.elements?.map((element) => element.type)).toEqual(['rectangle', 'text'])
})
