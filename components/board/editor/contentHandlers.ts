import {
  type Editor,
  defaultHandleExternalExcalidrawContent,
  defaultHandleExternalTextContent,
  defaultHandleExternalTldrawContent,
} from 'tldraw'
import { excalidrawWithoutImages, withoutOutsideContent } from '@/lib/board/outsideContent'

/**
 * What pasting or dropping does on a board, replacing tldraw's handlers that
 * would make images, videos, bookmarks or embeds (lib/board/outsideContent):
 * a link becomes text (tldraw would fetch the page for a preview), embed code
 * and SVG markup are ignored, and pasted tldraw or Excalidraw content arrives
 * without such shapes. Files are refused by the Tldraw props that accept no
 * image or video type.
 */
export function registerContentHandlers(editor: Editor): void {
  editor.registerExternalContentHandler('url', ({ url, point }) => defaultHandleExternalTextContent(editor, { text: url, point }))
  editor.registerExternalContentHandler('embed', null)
  editor.registerExternalContentHandler('svg-text', null)
  editor.registerExternalContentHandler('tldraw', ({ content, point }) =>
    defaultHandleExternalTldrawContent(editor, { content: withoutOutsideContent(content), point }),
  )
  editor.registerExternalContentHandler('excalidraw', ({ content, point }) =>
    defaultHandleExternalExcalidrawContent(editor, { content: excalidrawWithoutImages(content), point }),
  )
}
