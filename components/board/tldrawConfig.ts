import { getAssetUrls } from '@tldraw/assets/selfHosted'
import { documentNonce } from './documentNonce'
import { boardShapeUtils } from './shapes'

/** How every tldraw on our pages is set up: the live board and its replay. */

/**
 * Our shapes; fonts, icons and translations served from public/tldraw-assets
 * (copied at install), so no request leaves the origin; and the licence key,
 * inlined at build time (without it tldraw shows a notice outside localhost).
 * Dark mode follows the system's setting until someone picks one in tldraw's menu.
 */
export const boardTldrawProps = {
  shapeUtils: boardShapeUtils,
  colorScheme: 'system' as const,
  assetUrls: getAssetUrls({ baseUrl: '/tldraw-assets' }),
  licenseKey: process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY || undefined,
}

/**
 * tldraw's own `<style>` elements need the nonce of the page's
 * Content-Security-Policy. tldraw refuses to create shapes past 4,000 on a
 * page, silently but for a toast (a palette key then placed nothing, and the
 * text typed next ran tool shortcuts): a board may hold what the server allows.
 * Before drawing a page tldraw waits for the fonts of every shape on it, which
 * it finds by visiting each shape: ours are two faces served from this origin,
 * so the board draws at once and the text takes its face when it arrives
 * (5,000 stickies: first sticky 2.7 → 2.2 s in bench:board).
 */
export const tldrawOptions = (maxRecords: number) => ({ nonce: documentNonce(), maxShapesPerPage: maxRecords, maxFontsToLoadBeforeRender: 0 })
