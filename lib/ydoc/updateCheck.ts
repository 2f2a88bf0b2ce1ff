import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { isLockedBoard, isLockedShape } from '../facilitation/facilitationState.ts'
import { type DecodedUpdate, MalformedUpdate, type Struct, readUpdate } from './decodedUpdate.ts'
import { recordArray, recordsKey, serverRoots } from './layout.ts'

/**
 * Judges a client's Yjs update from its decoded structs before it touches the
 * board's Y.Doc (layout in ./layout.ts): an update is applied only when every
 * reader can still read the board afterwards and Yjs integrates all of it,
 * leaving nothing pending. It reads the update and looks up single structs of
 * the doc; it never walks the whole doc or applies the update to a copy.
 */

export interface UpdateLimits {
  /** Per-board quota of tl_records entries. */
  maxRecords: number
}

/**
 * Who sends the update. Facilitators change locked elements and a locked
 * board; for everyone else an update that adds or deletes a record of a
 * locked element, or any record of a locked board, is refused.
 */
export interface UpdateWriter {
  bypassesLocks: boolean
}

const lockedWriter: UpdateWriter = { bypassesLocks: false }

export interface UpdateCheck {
  /** Client ids under which the update adds content (structs) the document does not have yet. */
  authors: Set<number>
  /** tl_records entries the update adds. */
  addedRecords: number
  /** Live (not yet deleted) tl_records entries the update deletes. */
  deletedRecords: number
  /** False when applying would change nothing (everything already known/deleted). */
  changes: boolean
}

/** The reason is short, safe to send to the client, and names the rule broken. */
export class RefusedUpdate extends Error {
  override name = 'RefusedUpdate'
}

const schema = createBoardSchema()

/** Shapes that make every browser load an outside URL. */
const outsideContentShapes = new Set(['image', 'video', 'bookmark', 'embed'])

const refusedContent = new Map<unknown, string>([
  [Y.ContentString, 'text'],
  [Y.ContentBinary, 'binary'],
  [Y.ContentEmbed, 'embed'],
  [Y.ContentFormat, 'format'],
  [Y.ContentJSON, 'legacy JSON'],
  [Y.ContentType, 'nested type'],
  [Y.ContentDoc, 'sub-document'],
])

/**
 * Where an item lands when Yjs integrates it. `garbage`: next to a GC struct
 * Yjs stores it as GC itself, so nothing readable lands.
 */
type Placement = 'records' | 'records-map-entry' | `server-root:${string}` | 'other-root' | 'nested' | 'garbage'

/** One client's run of structs in the update; Yjs integrates each run in order. */
interface Section {
  client: number
  structs: Struct[]
  /** The document's clock for this client before the update. */
  docClock: number
  /** Its clock once the update is integrated. */
  clockAfter: number
}

interface SectionedUpdate {
  sections: Map<number, Section>
  /** The struct before each one in its section, which Yjs integrates first. */
  previous: Map<Struct, Struct>
  deletes: DecodedUpdate['deletes']
}

/** Judges an update, as bytes or as read once by the caller for several checks. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array | DecodedUpdate, limits: UpdateLimits, writer = lockedWriter): UpdateCheck {
  const decoded = sectioned(doc, update instanceof Uint8Array ? readOrRefuse(update) : update)
  for (const section of decoded.sections.values()) checkSection(section)
  const added = checkStructs(doc, decoded, writer)
  const deleted = checkDeletes(doc, decoded, writer)
  checkQuota(doc, added, deleted.entries, limits)
  const authors = new Set([...decoded.sections.values()].filter((s) => s.clockAfter > s.docClock).map((s) => s.client))
  return { authors, addedRecords: added, deletedRecords: deleted.entries, changes: authors.size > 0 || deleted.live }
}

const end = (struct: Struct) => struct.id.clock + struct.length

function readOrRefuse(update: Uint8Array): DecodedUpdate {
  try {
    return readUpdate(update)
  } catch (error) {
    if (error instanceof MalformedUpdate) throw new RefusedUpdate(error.message)
    throw error
  }
}

function sectioned(doc: Y.Doc, { structs, deletes, sectionCount }: DecodedUpdate): SectionedUpdate {
  const sections = new Map<number, Section>()
  const previous = new Map<Struct, Struct>()
  let section: Section | undefined
  for (const struct of structs) {
    // Yjs's encoders never write empty structs, and clocks past 2^53 lose precision.
    if (struct.length <= 0 || !Number.isSafeInteger(end(struct))) throw new RefusedUpdate('malformed update')
    const client = struct.id.client
    if (section?.client === client) {
      previous.set(struct, section.structs[section.structs.length - 1]!)
    } else {
      const docClock = Y.getState(doc.store, client)
      section = { client, structs: [], docClock, clockAfter: docClock }
      sections.set(client, section)
    }
    section.structs.push(struct)
  }
  // Fewer clients than sections: a client repeated, or an empty section. Yjs keeps
  // only the last section of a client, so the others would hide structs from this check.
  if (sections.size !== sectionCount) throw new RefusedUpdate('malformed update: a client appears twice')
  return { sections, previous, deletes }
}

/**
 * Yjs integrates a client's structs only from its current clock on; a struct
 * after a gap (or after a Skip) would wait in `pendingStructs` for content
 * that may never come.
 */
function checkSection(section: Section): void {
  let clock = section.docClock
  for (const struct of section.structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock > clock) throw new RefusedUpdate('gap: the update skips content the server does not have')
    clock = Math.max(clock, end(struct))
  }
  section.clockAfter = clock
}

/** Checks every struct, in an order Yjs can integrate them; returns the tl_records entries added. */
function checkStructs(doc: Y.Doc, decoded: SectionedUpdate, writer: UpdateWriter): number {
  for (const section of decoded.sections.values()) {
    for (const struct of section.structs) if (struct instanceof Y.Item) checkItemAlone(struct, section)
  }
  const placements = new Map<Struct, Placement>()
  let added = 0
  for (const struct of integrationOrder(doc, decoded)) {
    if (struct instanceof Y.GC) placements.set(struct, 'garbage')
    if (!(struct instanceof Y.Item)) continue
    const section = decoded.sections.get(struct.id.client)!
    // Yjs skips what the doc already has: a reconnecting client resends it.
    if (end(struct) <= section.docClock) continue
    const placement = placeItem(doc, struct, decoded, placements)
    placements.set(struct, placement)
    added += checkNewItem(doc, struct, placement, section, writer)
  }
  return added
}

/**
 * What an item says on its own. The parent it names counts even when the doc
 * has the item: reading an update makes Yjs create the root it names, and an
 * item inside another item belongs to a nested type. Its content counts only
 * when new.
 */
function checkItemAlone(item: Y.Item, section: Section): void {
  const parent: unknown = item.parent
  if (parent instanceof Y.ID) throw new RefusedUpdate('nested types are not allowed')
  if (typeof parent === 'string' && parent !== recordsKey && !serverRoots.includes(parent)) throw unknownRoot()
  if (end(item) <= section.docClock) return
  const refused = refusedContent.get(item.content.constructor)
  if (refused) throw new RefusedUpdate(`${refused} content is not allowed: tl_records holds JSON values only`)
}

/**
 * The update's structs with every struct after those it depends on: the one
 * before it in its section, and the structs holding its origin and right
 * origin when the doc does not have them. Yjs integrates in such an order; when
 * there is none (a dependency is missing or depends on the struct itself), it
 * leaves the rest pending.
 */
function integrationOrder(doc: Y.Doc, decoded: SectionedUpdate): Struct[] {
  const order: Struct[] = []
  const state = new Map<Struct, 'visiting' | 'done'>()
  for (const section of decoded.sections.values()) {
    for (const root of section.structs) {
      if (state.has(root)) continue
      state.set(root, 'visiting')
      const stack = [{ struct: root, needs: dependencies(doc, decoded, root) }]
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!
        const next = top.needs.pop()
        if (next === undefined) {
          state.set(top.struct, 'done')
          order.push(top.struct)
          stack.pop()
        } else if (state.get(next) === 'visiting') {
          throw new RefusedUpdate('gap: the update depends on content it only adds later')
        } else if (!state.has(next)) {
          state.set(next, 'visiting')
          stack.push({ struct: next, needs: dependencies(doc, decoded, next) })
        }
      }
    }
  }
  return order
}

function dependencies(doc: Y.Doc, decoded: SectionedUpdate, struct: Struct): Struct[] {
  const needs: Struct[] = []
  const before = decoded.previous.get(struct)
  if (before) needs.push(before)
  if (!(struct instanceof Y.Item)) return needs
  for (const id of [struct.origin, struct.rightOrigin]) {
    if (id === null || id.clock < Y.getState(doc.store, id.client)) continue
    const holder = updateStructAt(decoded, id)
    if (!holder) throw new RefusedUpdate('gap: an origin is neither in the document nor in the update')
    // Yjs looks a same-client origin up without waiting for it: it must come earlier in the section.
    if (id.client === struct.id.client) {
      if (holder.id.clock >= struct.id.clock) throw new RefusedUpdate('gap: an origin is neither in the document nor in the update')
    } else {
      needs.push(holder)
    }
  }
  return needs
}

/** The update's struct (never a Skip) holding the id, found by binary search. */
function updateStructAt(decoded: SectionedUpdate, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = decoded.sections.get(id.client)?.structs ?? []
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const struct = structs[middle]!
    if (id.clock < struct.id.clock) high = middle - 1
    else if (id.clock >= end(struct)) low = middle + 1
    else return struct instanceof Y.Skip ? undefined : struct
  }
  return undefined
}

/**
 * Where Yjs puts a new item (Item.getMissing): in the root it names, or, when
 * the encoder left the parent out because an origin is set, beside its left
 * neighbour (else its right one); next to a GC struct it becomes GC.
 */
function placeItem(doc: Y.Doc, item: Y.Item, decoded: SectionedUpdate, placements: Map<Struct, Placement>): Placement {
  const parent: unknown = item.parent
  if (typeof parent === 'string') return rootPlacement(parent, item.parentSub)
  const neighbour = (id: Y.ID | null) => (id === null ? null : placementAt(doc, id, decoded, placements))
  const left = neighbour(item.origin)
  const right = neighbour(item.rightOrigin)
  if (left === 'garbage' || right === 'garbage') return 'garbage'
  const placement = left ?? right
  // decodeUpdate reads parent info whenever both origins are missing.
  if (placement === null) throw new RefusedUpdate('malformed update')
  return placement
}

function placementAt(doc: Y.Doc, id: Y.ID, decoded: SectionedUpdate, placements: Map<Struct, Placement>): Placement {
  if (id.clock < Y.getState(doc.store, id.client)) return docPlacement(docStructAt(doc, id.client, id.clock))
  // integrationOrder placed the holder before the items beside it.
  return placements.get(updateStructAt(decoded, id)!)!
}

function docStructAt(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC {
  const structs = doc.store.clients.get(client)!
  return structs[Y.findIndexSS(structs, clock)]!
}

function docPlacement(struct: Y.Item | Y.GC): Placement {
  if (struct instanceof Y.GC) return 'garbage'
  const parent = struct.parent as Y.AbstractType<unknown>
  if (parent._item !== null) return 'nested'
  return rootPlacement(Y.findRootTypeKey(parent), struct.parentSub)
}

function rootPlacement(root: string, parentSub: string | null): Placement {
  if (root === recordsKey) return parentSub === null ? 'records' : 'records-map-entry'
  return serverRoots.includes(root) ? `server-root:${root}` : 'other-root'
}

const unknownRoot = () => new RefusedUpdate(`unknown root: only ${[recordsKey, ...serverRoots].join(', ')} exist`)

/** Refuses a write into a root only the server writes. */
function checkNotServerRoot(placement: Placement): void {
  if (placement.startsWith('server-root:')) throw new RefusedUpdate(`${placement.slice('server-root:'.length)} is written by the server only`)
}

/** Refuses a new item no reader could read, or this writer may not write; returns the tl_records entries it adds. */
function checkNewItem(doc: Y.Doc, item: Y.Item, placement: Placement, section: Section, writer: UpdateWriter): number {
  checkNotServerRoot(placement)
  switch (placement) {
    case 'garbage':
      return 0
    case 'records':
      break
    case 'records-map-entry':
      throw new RefusedUpdate('tl_records takes array entries, not map keys')
    case 'other-root':
      throw unknownRoot()
    case 'nested':
      throw new RefusedUpdate('nested types are not allowed')
  }
  const offset = Math.max(0, section.docClock - item.id.clock)
  // Yjs integrates the unknown tail of a partly known item right after the
  // doc's last struct of that client, whatever the item's origin says.
  if (offset > 0 && docPlacement(docStructAt(doc, section.client, section.docClock - 1)) !== 'records') {
    throw new RefusedUpdate('malformed update: continues a struct stored elsewhere')
  }
  if (!(item.content instanceof Y.ContentAny)) return 0
  const entries = item.content.arr.slice(offset)
  for (const entry of entries) {
    checkEntry(entry)
    if (!writer.bypassesLocks) checkNotLocked(doc, (entry as RecordEntryShape).key)
  }
  return entries.length
}

type RecordEntryShape = { key: string }

/** A record this writer may not add or delete: any, on a locked board; a locked element's, always. */
function checkNotLocked(doc: Y.Doc, key: string): void {
  if (isLockedBoard(doc)) throw new RefusedUpdate('the board is locked: only facilitators change it now')
  if (isLockedShape(doc, key)) throw new RefusedUpdate(`${key} is locked: only facilitators change it`)
}

/** One tl_records entry, as y-utility's YKeyValue and our readers read it. */
function checkEntry(entry: unknown): void {
  if (!isPlainObject(entry) || Object.keys(entry).length !== 2 || !('key' in entry) || !('val' in entry)) {
    throw new RefusedUpdate('a tl_records entry must be {key, val}')
  }
  const { key, val } = entry
  if (typeof key !== 'string') throw new RefusedUpdate('a tl_records key must be a string')
  if (!isPlainObject(val) || val.id !== key) throw new RefusedUpdate('a tl_records key must equal val.id')
  if (!isJsonData(val)) throw new RefusedUpdate('a record holds JSON data only')
  const typeName = val.typeName
  const type = typeof typeName === 'string' && Object.hasOwn(schema.types, typeName) ? schema.types[typeName as keyof typeof schema.types] : undefined
  if (!type) throw new RefusedUpdate('unknown record type')
  if (type.scope !== 'document') throw new RefusedUpdate(`${type.typeName} records are not shared`)
  if (type.typeName === 'asset') throw new RefusedUpdate('asset records are not allowed')
  if (type.typeName === 'shape' && typeof val.type === 'string' && outsideContentShapes.has(val.type)) {
    throw new RefusedUpdate(`${val.type} shapes are not allowed`)
  }
  try {
    type.validate(val)
  } catch (error) {
    throw new RefusedUpdate(`invalid ${type.typeName} record: ${String(error instanceof Error ? error.message : error).slice(0, 200)}`)
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}

/**
 * Only what JSON carries: lib0 also decodes binary, bigints and undefined, and
 * a `__proto__` key gives an object a prototype that tldraw's validators would
 * read through but that never reaches other clients. Iterative, because the
 * decoder already went as deep as the stack allows.
 */
function isJsonData(value: unknown): boolean {
  const stack = [value]
  while (stack.length > 0) {
    const next = stack.pop()
    if (next === null || typeof next === 'string' || typeof next === 'boolean') continue
    if (typeof next === 'number') {
      if (!Number.isFinite(next)) return false
    } else if (Array.isArray(next) || isPlainObject(next)) {
      for (const child of Object.values(next)) stack.push(child)
    } else {
      return false
    }
  }
  return true
}

/**
 * The delete set: every range must name clocks the doc or the update has (else
 * it waits in `pendingDs`), and the live items it deletes must be tl_records
 * entries this writer may delete. Already deleted ranges are harmless; a
 * reconnecting client resends its whole delete set.
 */
function checkDeletes(doc: Y.Doc, decoded: SectionedUpdate, writer: UpdateWriter): { entries: number; live: boolean } {
  for (const [client, ranges] of decoded.deletes.clients) {
    const clockAfter = decoded.sections.get(client)?.clockAfter ?? Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      if (clock >= clockAfter || clock + len > clockAfter) throw new RefusedUpdate('gap: the delete set names content the server does not have')
    }
  }
  let entries = 0
  let live = false
  for (const { item, from, to } of liveDeletions(doc, decoded.deletes)) {
    checkDeletable(docPlacement(item))
    if (!writer.bypassesLocks) checkDeletedEntriesUnlocked(doc, item, from, to)
    live = true
    if (item.countable) entries += to - from
  }
  return { entries, live }
}

/**
 * The tl_records entries an update deletes, for an update the checks let
 * through: counted without judging it again.
 */
export function deletedRecords(doc: Y.Doc, decoded: DecodedUpdate): number {
  let entries = 0
  for (const { item, from, to } of liveDeletions(doc, decoded.deletes)) if (item.countable) entries += to - from
  return entries
}

/**
 * The doc's live items in the delete set's ranges, each with the part of it
 * deleted (`from` to `to`, offsets in the item). Ranges are merged first, so
 * no entry comes twice; clocks the doc does not have yet are the update's own
 * structs, checked as structs. Walks the doc's structs in each range, as
 * applying does.
 */
function* liveDeletions(doc: Y.Doc, deletes: DecodedUpdate['deletes']): Generator<{ item: Y.Item; from: number; to: number }> {
  for (const [client, ranges] of deletes.clients) {
    const docClock = Y.getState(doc.store, client)
    for (const { clock, len } of mergeRanges(ranges)) {
      const to = Math.min(clock + len, docClock)
      if (clock >= to) continue
      const structs = doc.store.clients.get(client)!
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < to; i++) {
        const struct = structs[i]!
        if (struct instanceof Y.GC || struct.deleted) continue
        yield { item: struct, from: Math.max(struct.id.clock, clock) - struct.id.clock, to: Math.min(end(struct), to) - struct.id.clock }
      }
    }
  }
}

function checkDeletable(placement: Placement): void {
  checkNotServerRoot(placement)
  if (placement !== 'records') throw new RefusedUpdate('only tl_records entries may be deleted')
}

/**
 * Entries `from` to `to` of a live tl_records item are deleted: refused when
 * one is a locked record's current value. Deleting a stale copy (a key
 * written twice at once keeps its rightmost entry) is what every client's
 * YKeyValue does when it meets one, so it stays allowed; finding out walks
 * the entries to the right, and only for a locked key.
 */
function checkDeletedEntriesUnlocked(doc: Y.Doc, item: Y.Item, from: number, to: number): void {
  if (!(item.content instanceof Y.ContentAny)) return
  const entries = item.content.arr as RecordEntryShape[]
  for (let index = from; index < to; index++) {
    const { key } = entries[index]!
    if (!isLockedBoard(doc) && !isLockedShape(doc, key)) continue
    if (!hasLaterEntry(item, index, key)) checkNotLocked(doc, key)
  }
}

function hasLaterEntry(item: Y.Item, index: number, key: string): boolean {
  const isKey = (entry: unknown) => (entry as RecordEntryShape).key === key
  if ((item.content as Y.ContentAny).arr.slice(index + 1).some(isKey)) return true
  for (let next = item.right; next !== null; next = next.right) {
    if (!next.deleted && next.content instanceof Y.ContentAny && next.content.arr.some(isKey)) return true
  }
  return false
}

/** Sorted, overlaps joined: a range listed twice must not count its entries twice. */
function mergeRanges(ranges: { clock: number; len: number }[]): { clock: number; len: number }[] {
  const merged: { clock: number; len: number }[] = []
  for (const range of [...ranges].sort((a, b) => a.clock - b.clock)) {
    const last = merged[merged.length - 1]
    if (last && range.clock <= last.clock + last.len) {
      last.len = Math.max(last.len, range.clock + range.len - last.clock)
    } else {
      merged.push({ ...range })
    }
  }
  return merged
}

/**
 * An upper bound of the entries after applying: entries the update adds and
 * deletes again still count. Only an update that grows the board is refused,
 * so a board over its quota (say, after the quota was lowered) can still shrink.
 */
function checkQuota(doc: Y.Doc, added: number, deleted: number, limits: UpdateLimits): void {
  if (added > deleted && recordArray(doc).length + added - deleted > limits.maxRecords) {
    throw new RefusedUpdate(`over quota: a board holds at most ${limits.maxRecords} records`)
  }
}
