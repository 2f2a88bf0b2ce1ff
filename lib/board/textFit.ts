/**
 * The largest font size at which a sticky's text fits its box, so a short
 * name reads large and a long sentence still fits. Estimates wrapping from an
 * average glyph width; the browser does the real layout.
 */
export const stickyFont = { max: 26, min: 11, lineHeight: 1.25, glyphWidth: 0.56, padding: 12 } as const

export function fitFontSize(text: string, width: number, height: number): number {
  const innerW = Math.max(1, width - 2 * stickyFont.padding)
  const innerH = Math.max(1, height - 2 * stickyFont.padding)
  const paragraphs = (text || ' ').split('\n')
  for (let size = stickyFont.max; size > stickyFont.min; size -= 1) {
    const perLine = Math.max(1, Math.floor(innerW / (size * stickyFont.glyphWidth)))
    const lines = paragraphs.reduce((sum, p) => sum + Math.max(1, wrappedLines(p, perLine)), 0)
    if (lines * size * stickyFont.lineHeight <= innerH) return size
  }
  return stickyFont.min
}

/** Lines a paragraph takes when wrapped at word boundaries (a word longer than a line breaks). */
function wrappedLines(paragraph: string, perLine: number): number {
  let lines = 1
  let used = 0
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const length = word.length
    if (used === 0) {
      lines += Math.floor((length - 1) / perLine)
      used = ((length - 1) % perLine) + 1
    } else if (used + 1 + length <= perLine) {
      used += 1 + length
    } else {
      lines += 1 + Math.floor((length - 1) / perLine)
      used = ((length - 1) % perLine) + 1
    }
  }
  return lines
}
