import { elementKindDefinitions } from '../board/elementKinds.ts'
import { defaultLabelProps } from '../board/shapes/labelShape.ts'
import { fitFontSize, stickyFont, charactersPerLine, wrapText } from '../board/textFit.ts'
import type { BoardContent } from '../boardFile/boardContent.ts'
import { type Bounds, pad, union } from '../model/geometry.ts'

/**
 * A template's picture for the gallery, drawn on the server from its content:
 * areas, boundaries, stickies in their colours with their text, and labels.
 * Every text goes through {@link xmlText} and every number is one we computed,
 * so no name or sticky can put markup into the picture, and nothing a client
 * sends is ever served as SVG. Big boards are drawn in part, to keep it small.
 */
export const previewSize = { width: 480, height: 270 } as const

/** Beyond these, stickies are left out (rectangles) or drawn without text. */
const maxStickies = 2_000
const maxStickyTexts = 300
const maxLines = 6
const font = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif'

export function previewSvg(content: BoardContent): string {
  const stickies = content.elements.slice(0, maxStickies)
  const parts: string[] = []
  for (const c of content.contexts) {
    parts.push(`<rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}" rx="16" fill="#495057" fill-opacity="0.04" stroke="#495057" stroke-width="3" stroke-dasharray="12 8"/>`)
    parts.push(text(c.name, c.x + 8, c.y - 12, 20, '#343a40'))
  }
  for (const l of content.lanes) {
    parts.push(`<rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.w)}" height="${n(l.h)}" fill="#adb5bd" fill-opacity="0.12" stroke="#adb5bd" stroke-width="2"/>`)
    parts.push(text(l.label, l.x + 10, l.y + 26, 16, '#6c757d'))
  }
  for (const b of content.boundaries) {
    parts.push(`<line x1="${n(b.x)}" y1="${n(b.y)}" x2="${n(b.x)}" y2="${n(b.y + b.h)}" stroke="#ff7b00" stroke-width="6"/>`)
    parts.push(text(b.label, b.x + 8, b.y - 10, 16, '#e8590c'))
  }
  stickies.forEach((e, i) => {
    const { fill, ink, w: kindW, h: kindH, rotation } = elementKindDefinitions[e.kind]
    const w = e.w ?? kindW
    const h = e.h ?? kindH
    const turn = rotation ? ` transform="rotate(${rotation} ${n(e.x + w / 2)} ${n(e.y + h / 2)})"` : ''
    parts.push(`<g${turn}><rect x="${n(e.x)}" y="${n(e.y)}" width="${n(w)}" height="${n(h)}" rx="3" fill="${fill}"/>`)
    if (i < maxStickyTexts) parts.push(stickyText(e.text, e.x, e.y, w, h, ink))
    parts.push('</g>')
  })
  for (const l of content.labels) {
    const w = l.w ?? defaultLabelProps().w
    wrapText(l.text, charactersPerLine(w, 24)).slice(0, maxLines).forEach((line, i) => parts.push(text(line, l.x, l.y + 24 + i * 30, 24, '#1d2433')))
  }
  const view = viewOf(content)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${previewSize.width}" height="${previewSize.height}" viewBox="${n(view.x)} ${n(view.y)} ${n(view.w)} ${n(view.h)}" preserveAspectRatio="xMidYMid meet" font-family="${font}">`,
    `<rect x="${n(view.x)}" y="${n(view.y)}" width="${n(view.w)}" height="${n(view.h)}" fill="#f8f9fa"/>`,
    ...parts,
    '</svg>',
  ].join('')
}

/** What the picture shows: everything on the board, padded; an empty board shows an empty page of the preview's shape. */
function viewOf(content: BoardContent): Bounds {
  const all: Bounds[] = [
    ...content.elements.slice(0, maxStickies).map((e) => ({ x: e.x, y: e.y, w: e.w ?? elementKindDefinitions[e.kind].w, h: e.h ?? elementKindDefinitions[e.kind].h })),
    ...content.contexts.map((c) => ({ x: c.x, y: c.y - 40, w: c.w, h: c.h + 40 })),
    ...content.lanes,
    ...content.boundaries.map((b) => ({ x: b.x, y: b.y - 30, w: 1, h: b.h + 30 })),
    ...content.labels.map((l) => ({ x: l.x, y: l.y, w: l.w ?? defaultLabelProps().w, h: 40 })),
  ]
  if (all.length === 0) return { x: 0, y: 0, w: previewSize.width * 4, h: previewSize.height * 4 }
  return pad(union(all), 40)
}

function stickyText(value: string, x: number, y: number, w: number, h: number, ink: string): string {
  // A word is broken only when it cannot fit whole at the smallest size.
  const longestWord = Math.max(...value.split(/\s+/).map((word) => word.length))
  let size = fitFontSize(value, w, h)
  while (size > stickyFont.min && longestWord > charactersPerLine(w, size)) size -= 1
  const lines = wrapText(value, charactersPerLine(w, size)).slice(0, maxLines)
  const lineHeight = size * stickyFont.lineHeight
  const top = y + h / 2 - (lines.length * lineHeight) / 2 + size
  return lines.map((line, i) => text(line, x + w / 2, top + i * lineHeight, size, ink, 'middle')).join('')
}

function text(value: string, x: number, y: number, size: number, colour: string, anchor?: 'middle'): string {
  if (!value.trim()) return ''
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}" fill="${colour}"${anchor ? ` text-anchor="${anchor}"` : ''}>${xmlText(value)}</text>`
}

/** A number as an attribute: finite (content is validated, but a picture must never say NaN), one decimal. */
const n = (value: number): string => String(Number.isFinite(value) ? Math.round(value * 10) / 10 : 0)

/**
 * Text as XML character data: markup characters escaped, and characters
 * XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF) dropped, so any
 * text makes a well-formed document.
 */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
