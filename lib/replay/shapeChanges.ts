import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describeShape } from '../board/shapeDescription.ts'

/** Added, edited (its content), moved (only where it sits), removed. */
export type ShapeChangeKind = 'added' | 'edited' | 'moved' | 'removed'

export interface ShapeChange {
  /** The shape's id, so a view can point at it. */
  id: string
  change: ShapeChangeKind
  what: string
  text: string
}

/** What one step of a replay changed on the board: counts, and the first changes in full. */
export interface StepChanges {
  counts: Record<ShapeChangeKind, number>
  shapes: ShapeChange[]
}

/** A record as it was and as it is; undefined where it did not exist. */
export type RecordPair = readonly [before: TLRecord | undefined, after: TLRecord | undefined]

/** Texts in a list of changes are cut to this many characters. */
const listedTextLength = 120

/**
 * How the board's shapes changed, from pairs of records before and after;
 * other records (pages, bindings) are not listed. At most `listed` changes
 * are listed in full, all are counted.
 */
export function shapeChanges(pairs: Iterable<RecordPair>, listed: number): StepChanges {
  const counts: Record<ShapeChangeKind, number> = { added: 0, edited: 0, moved: 0, removed: 0 }
  const shapes: ShapeChange[] = []
  for (const [before, after] of pairs) {
    const change = changeOf(asShape(before), asShape(after))
    if (!change) continue
    counts[change] += 1
    if (shapes.length >= listed) continue
    const shape = (after ?? before) as TLShape
    const { what, text } = describeShape(shape)
    shapes.push({ id: shape.id, change, what, text: text.length > listedTextLength ? `${text.slice(0, listedTextLength - 1)}…` : text })
  }
  return { counts, shapes }
}

/** Pairs of every record of two whole boards, by id. */
export function* pairsOf(before: ReadonlyMap<string, TLRecord>, after: ReadonlyMap<string, TLRecord>): Iterable<RecordPair> {
  for (const [id, record] of after) yield [before.get(id), record]
  for (const [id, record] of before) if (!after.has(id)) yield [record, undefined]
}

export const hasChanges = (changes: StepChanges) => Object.values(changes.counts).some((count) => count > 0)

const asShape = (record: TLRecord | undefined): TLShape | undefined => (record?.typeName === 'shape' ? record : undefined)

/** Fields that say where a shape sits rather than what it is. */
const placement = new Set(['x', 'y', 'rotation', 'index', 'parentId'])

function changeOf(before: TLShape | undefined, after: TLShape | undefined): ShapeChangeKind | undefined {
  if (!before) return after && 'added'
  if (!after) return 'removed'
  // Records read from one Y.Doc keep their identity while unchanged: the common case costs nothing.
  if (before === after) return undefined
  let moved = false
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = (before as unknown as Record<string, unknown>)[key]
    const b = (after as unknown as Record<string, unknown>)[key]
    if (a === b || JSON.stringify(a) === JSON.stringify(b)) continue
    if (!placement.has(key)) return 'edited'
    moved = true
  }
  return moved ? 'moved' : undefined
}
