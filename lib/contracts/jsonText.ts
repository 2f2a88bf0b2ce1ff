import { randomUUID } from 'node:crypto'

/**
 * Compact JSON with parts already serialised. The formats of an export embed
 * the same sub-documents of each event (its detail schema, its example) in
 * several documents; a big workshop's bundle serialises each once and
 * splices its text into every document that holds it. (Node 20 has no
 * `JSON.rawJSON`, which would do this natively.)
 */
export class JsonText {
  constructor(readonly text: string) {}

  /**
   * Inside `jsonText`, a marker that is replaced by the text; anywhere else
   * (an indented answer, say) the value itself, so a document holding one
   * serialises to the same JSON whoever writes it.
   */
  toJSON(): unknown {
    if (!spliced) return JSON.parse(this.text)
    spliced.push(this.text)
    return marker
  }
}

/** Where `jsonText` is serialising, the texts met so far, in document order. */
let spliced: string[] | undefined

/** A string no sticky holds: random, and starting with a character JSON escapes. */
const marker = `\u0000${randomUUID()}`
const markerJson = JSON.stringify(marker)

/** `JSON.stringify(value)`, with the text of each `JsonText` in `value` written as it is. */
export const jsonText = (value: unknown): string => {
  const pieces = jsonPieces(value)
  return pieces.length === 1 ? pieces[0]! : pieces.join('')
}

/**
 * The same text in pieces, to be written one after another: the JSON around
 * each `JsonText` and the text itself. A large document (a manifest of a
 * thousand schemas) is then never one string of megabytes, which V8 would
 * copy whole once more to write it.
 */
export function jsonPieces(value: unknown): string[] {
  if (value instanceof JsonText) return [value.text]
  const outer = spliced
  const texts: string[] = (spliced = [])
  let text: string
  try {
    text = JSON.stringify(value)
  } finally {
    spliced = outer
  }
  if (texts.length === 0) return [text]
  const pieces = text.split(markerJson)
  // Should a text hold the marker after all, serialise the plain way, each spliced text parsed back.
  if (pieces.length !== texts.length + 1) return [JSON.stringify(value)]
  const parts: string[] = [pieces[0]!]
  texts.forEach((piece, i) => parts.push(piece, pieces[i + 1]!))
  return parts
}
