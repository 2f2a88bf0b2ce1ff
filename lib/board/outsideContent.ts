/**
 * tldraw's shapes whose content a browser loads from a URL: an image, a
 * video, a link preview, an embedded page. A board holds none of them, or one
 * participant could make everyone's browser contact another host. Their
 * definitions stay in the schema, which every client and the server share.
 */
export const outsideContentShapeTypes: ReadonlySet<string> = new Set(['image', 'video', 'bookmark', 'embed'])

/** The assets those shapes show; no other shape uses an asset. */
const outsideContentAssetTypes: ReadonlySet<string> = new Set(['image', 'video', 'bookmark'])

/** The parts of tldraw's clipboard content (`TLContent`) this module reads. */
export interface PastedContent {
  shapes: { id: string; type: string; parentId: string }[]
  rootShapeIds: string[]
  bindings: { fromId: string; toId: string }[] | undefined
  assets: { type: string }[]
}

/**
 * Content pasted from a tldraw board (ours or any other) without those
 * shapes, what they contain, the bindings (arrows) attached to them, or their
 * assets.
 */
export function withoutOutsideContent<C extends PastedContent>(content: C): C {
  const parentOf = new Map(content.shapes.map((shape) => [shape.id, shape.parentId]))
  const outside = new Set(content.shapes.filter((shape) => outsideContentShapeTypes.has(shape.type)).map((shape) => shape.id))
  // Clipboard content may come from anywhere: walk up to the page however the shapes are ordered, and stop on a cycle.
  const dropped = (id: string): boolean => {
    for (let at: string | undefined = id, steps = 0; at !== undefined && steps <= content.shapes.length; at = parentOf.get(at), steps++) {
      if (outside.has(at)) return true
    }
    return false
  }
  return {
    ...content,
    shapes: content.shapes.filter((shape) => !dropped(shape.id)),
    rootShapeIds: content.rootShapeIds.filter((id) => !dropped(id)),
    bindings: content.bindings?.filter((binding) => !dropped(binding.fromId) && !dropped(binding.toId)),
    assets: content.assets.filter((asset) => !outsideContentAssetTypes.has(asset.type)),
  }
}

/** Excalidraw's clipboard content: its image elements become image shapes, so they go. */
export function excalidrawWithoutImages<C extends { elements?: { type: string }[] }>(content: C): C {
  return { ...content, elements: content.elements?.filter((element) => element.type !== 'image') }
}
