/**
 * The largest font size at which a sticky's text fits its box, so a short
 * name reads large and a long sentence still fits. Estimates wrapping from an
 * average glyph width; the browser does the real layout.
 */
export const stickyFont = { max: 26, min: 11, lineHeight: 1.25, glyphWidth: 0.56, padding: 12 } as const

export function fitFontSize(text: string, width: number, height: number): number {
  const innerH = Math.max(1, height - 2 * stickyFont.padding)
  for (let size = stickyFont.max; size > stickyFont.min; size -= 1) {
    const lines = wrapText(text, charactersPerLine(width, size)).length
    if (lines * size * stickyFont.lineHeight <= innerH) return size
  }
  return stickyFont.min
}

/** Characters of a sticky's font that fit on one line of its box at this size. */
export function charactersPerLine(width: number, size: number): number {
  return Math.max(1, Math.floor(Math.max(1, width - 2 * stickyFont.padding) / (size * stickyFont.glyphWidth)))
}

/** A text wrapped at word boundaries into lines of at most `perLine` characters (a longer word breaks). */
export function wrapText(text: string, perLine: number): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = []
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length <= perLine) {
        line += ` ${word}`
        continue
      }
      if (line) lines.push(line)
      let rest = word
      while (rest.length > perLine) {
        lines.push(rest.slice(0, perLine))
        rest = rest.slice(perLine)
      }
      line = rest
    }
    lines.push(line)
    return lines
  })
}
