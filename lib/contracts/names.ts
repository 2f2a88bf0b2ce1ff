/**
 * Names as registries accept them, made from what people wrote on stickies.
 * Every function is deterministic and total: any text gives a valid name, so
 * an export is never refused for a name and two exports of one board agree.
 *
 * The character sets are the narrowest the targets share: EventBridge
 * registry names ([A-Za-z0-9._-], at most 64), schema names (`source@Detail`,
 * at most 385), sources (reverse DNS, never `aws.`), detail types (1–128),
 * Confluent subjects, EventCatalog ids and file names on every OS.
 */

/** Words of any script, as ASCII: accents dropped, everything else a separator. */
export function asciiWords(text: string): string[] {
  // Decomposing and dropping accents leave ASCII text, most of what stickies hold, as it is.
  const ascii = /^[\u0000-\u007f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  return ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
}

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()

/** Whitespace but a lone space: text without any (most sticky text) is already on one line, and is not copied. */
const otherWhitespace = /[^\S ]| {2}/

/** Sticky text on one line, each run of whitespace a single space: for titles, summaries and comments. */
export const oneLine = (text: string) => (otherWhitespace.test(text) ? text.replace(/\s+/g, ' ') : text).trim()

/** "order placed!" → "OrderPlaced"; `fallback` when the text has no ASCII word at all. */
export function pascalCase(text: string, fallback: string, maxLength = 128): string {
  const words = asciiWords(text)
  const name = words.length === 0 ? fallback : words.map(capitalised).join('')
  // A leading digit is no identifier in most generators (classes, AsyncAPI ids).
  return (/^[0-9]/.test(name) ? `E${name}` : name).slice(0, maxLength)
}

/** "Order Management" → "order-management". */
export function kebabCase(text: string, fallback: string, maxLength = 64): string {
  const words = asciiWords(text)
  const name = words.length === 0 ? fallback : words.map((word) => word.toLowerCase()).join('-')
  return name.slice(0, maxLength).replace(/-+$/, '')
}

/**
 * A reverse-DNS event source: the context's own when it is one, else one
 * made under the board's. Never starts with `aws.` (reserved by AWS).
 */
export function eventSource(written: string, boardName: string, contextName: string): string {
  const labels = (text: string) =>
    text
      .toLowerCase()
      .split('.')
      .map((label) => kebabCase(label, '', 63))
      .filter((label) => label.length > 0)
  let source = labels(written)
  if (source.length < 2) source = ['com', kebabCase(boardName, 'board', 63), ...(source.length === 1 ? source : [kebabCase(contextName, 'context', 63)])]
  if (source[0] === 'aws') source = ['custom', ...source]
  return source.join('.').slice(0, 256).replace(/[.-]+$/, '')
}

/** `base`, or `base2`, `base3`… : the first that `taken` does not hold; the chosen name is added to `taken`. */
export function unique(base: string, taken: Set<string>, join = (name: string, n: number) => `${name}${n}`): string {
  let name = base
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = join(base, n)
  taken.add(name.toLowerCase())
  return name
}

/** A property name in a schema: kept as written when it is an identifier, else camelCase of its words. */
export function propertyName(text: string, fallback: string): string {
  const trimmed = text.trim()
  if (/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(trimmed)) return trimmed
  const words = asciiWords(trimmed)
  if (words.length === 0) return fallback
  const [first, ...rest] = words
  const name = first!.toLowerCase() + rest.map(capitalised).join('')
  return (/^[0-9]/.test(name) ? `f${name}` : name).slice(0, 64)
}

/**
 * Names unique across groups (contexts, say): a name stays as it is while no
 * other group has it, and takes its group's prefix where two groups share it,
 * so "OrderPlaced" of Orders and of Returns become "OrdersOrderPlaced" and
 * "ReturnsOrderPlaced". `taken` settles whatever still collides.
 */
export function uniqueAcross(groups: readonly { prefix: string; names: readonly string[] }[], taken = new Set<string>()): string[][] {
  const groupsHaving = new Map<string, number>()
  for (const group of groups) {
    for (const name of new Set(group.names.map((n) => n.toLowerCase()))) groupsHaving.set(name, (groupsHaving.get(name) ?? 0) + 1)
  }
  return groups.map((group) => group.names.map((name) => unique(groupsHaving.get(name.toLowerCase())! > 1 ? `${group.prefix}${name}` : name, taken)))
}
