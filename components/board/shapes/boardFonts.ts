import { DefaultFontFaces, type TLFontFace } from 'tldraw'

/**
 * The faces our shapes write in (tldraw's sans, `var(--tl-font-sans)`, regular
 * and bold): declared by each shape so that tldraw embeds them in the pictures
 * it exports, which then need no font from anywhere.
 */
export const boardFontFaces: TLFontFace[] = [DefaultFontFaces.tldraw_sans.normal.normal, DefaultFontFaces.tldraw_sans.normal.bold]
