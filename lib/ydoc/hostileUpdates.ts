import { AssetRecordType, type TLAsset, type TLRecord, type TLShape, createShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { boardPageId } from '../boardFile/contentToRecords.ts'
import { boardRecords } from '../model/testing.ts'
import { createTestStore, mountLikeEditor } from '../sync/testStores.ts'
import { type RecordEntry, facilitationMap, locksMap, metaKey, metaMap, recordArray, recordsKey, schemaKey } from './layout.ts'
import type { UpdateLimits } from './updateCheck.ts'

/*
 * For tests: the updates a hostile client can send to damage a board, each
 * built against what that client knows of the board, and what the update
 * check must answer. The check's unit tests prove each one harmful and
 * refused; the websocket tests send each one to a running server.
 */

export interface HostileUpdate {
  name: string
  /** What the refusal says. */
  reason: RegExp
  /** The update, from a client that holds `board` (what the server sent it). */
  build(board: Y.Doc, limits: UpdateLimits): Uint8Array
}

export function clientOf(board: Y.Doc): Y.Doc {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(board))
  return client
}

/** What a doc sends while `change` runs. */
export function updateFrom(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  change()
  doc.off('update', collect)
  return Y.mergeUpdates(updates)
}

/** A client synced with the board does something hostile to its own doc; this is what it sends. */
export function hostileUpdate(board: Y.Doc, attack: (client: Y.Doc) => void): Uint8Array {
  const client = clientOf(board)
  return updateFrom(client, () => attack(client))
}

/** What a doc that never synced sends: a client that reads the shared roots as other types. */
const forged = (write: (forger: Y.Doc) => void) => () => {
  const forger = new Y.Doc()
  write(forger)
  return Y.encodeStateAsUpdate(forger)
}

const pushed = (value: () => unknown) => (board: Y.Doc) => hostileUpdate(board, (c) => recordArray(c).push([value() as RecordEntry]))

export const entry = (record: TLRecord | Record<string, unknown>) => ({ key: record.id as string, val: record }) as RecordEntry

export function stickyShape(id: string, x = 0): TLShape {
  return boardRecords({ elements: [{ id, kind: 'event', text: id, x, y: 0 }] }).find((r) => r.typeName === 'shape') as TLShape
}

export const shapeBase = (id: string) => ({
  id: createShapeId(id),
  typeName: 'shape' as const,
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a9' as IndexKey,
  parentId: boardPageId,
  isLocked: false,
  opacity: 1,
  meta: {},
})

/** Shapes whose every view loads an outside URL; each is a valid tldraw record. */
export const outsideContentShapes = {
  image: { w: 10, h: 10, playing: true, url: 'https://evil.example/x.png', assetId: null, crop: null, flipX: false, flipY: false, altText: '' },
  video: { w: 10, h: 10, time: 0, playing: true, autoplay: true, url: 'https://evil.example/x.mp4', assetId: null, altText: '' },
  bookmark: { w: 10, h: 10, assetId: null, url: 'https://evil.example/' },
  embed: { w: 10, h: 10, url: 'https://evil.example/' },
}

export const outsideContentShape = (type: keyof typeof outsideContentShapes) => ({ ...shapeBase(`outside-${type}`), type, props: outsideContentShapes[type] })

export const imageAsset: TLAsset = AssetRecordType.create({
  id: AssetRecordType.createId('tracker'),
  type: 'image',
  props: { name: 'x.png', src: 'https://evil.example/x.png', w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
  meta: {},
})

/** One user's own state, as tldraw's editor keeps it in the store: valid records that are never shared. */
export function userStateRecord(typeName: string): TLRecord {
  const store = createTestStore()
  mountLikeEditor(store)
  return store.allRecords().find((r) => r.typeName === typeName)!
}

const flatSticky = () => {
  const shape = stickyShape('flat')
  return { ...shape, props: { ...shape.props, w: 0 } }
}

/** JSON.parse makes __proto__ an own key; lib0's decoder assigns it, which sets the prototype. */
const protoSticky = () => JSON.parse(JSON.stringify(stickyShape('proto')).replace('"meta":{}', '"meta":{"__proto__":{"x":1}}'))

const newerSchema = () => {
  const ours = createBoardSchema().serialize()
  return { ...ours, sequences: { ...ours.sequences, 'com.tldraw.page': 999 } }
}

/** An update from a client that sent an earlier one the board never received. */
function afterGap(board: Y.Doc): Uint8Array {
  const client = clientOf(board)
  updateFrom(client, () => recordArray(client).push([entry(stickyShape('first'))]))
  return updateFrom(client, () => recordArray(client).push([entry(stickyShape('second'))]))
}

/** The sections of one update that add a sticky, twice under the same client. */
function clientTwice(board: Y.Doc): Uint8Array {
  const client = clientOf(board)
  const first = updateFrom(client, () => recordArray(client).push([entry(stickyShape('first'))]))
  const second = updateFrom(client, () => recordArray(client).push([entry(stickyShape('second'))]))
  // Both are one section and an empty delete set: [1, section..., 0]. Spliced into one update of two sections.
  return new Uint8Array([2, ...first.slice(1, -1), ...second.slice(1, -1), 0])
}

export const hostileUpdates: HostileUpdate[] = [
  { name: 'the number 42 pushed into tl_records', reason: /entry must be \{key, val\}/, build: pushed(() => 42) },
  { name: 'an entry with a key but no val', reason: /entry must be \{key, val\}/, build: pushed(() => ({ key: 'shape:x' })) },
  { name: 'an entry with keys besides key and val', reason: /entry must be \{key, val\}/, build: pushed(() => ({ ...entry(stickyShape('extra')), more: 1 })) },
  { name: 'an entry whose key is not its record id', reason: /key must equal val\.id/, build: pushed(() => ({ key: 'shape:other', val: stickyShape('real') })) },
  { name: 'a sticky with an invalid prop', reason: /invalid shape record: .*props\.w: /, build: pushed(() => entry(flatSticky())) },
  { name: 'a record of a type the schema does not know', reason: /unknown record type/, build: pushed(() => entry({ id: 'evil:1', typeName: 'evil' })) },
  { name: 'a record whose type name is an Object property', reason: /unknown record type/, build: pushed(() => entry({ id: 'x', typeName: 'constructor' })) },
  ...['instance', 'instance_page_state', 'camera', 'pointer'].map((typeName) => ({
    name: `a ${typeName} record (one user’s own state)`,
    reason: new RegExp(`${typeName} records are not shared`),
    build: pushed(() => entry(userStateRecord(typeName))),
  })),
  { name: 'an asset record', reason: /asset records are not allowed/, build: pushed(() => entry(imageAsset)) },
  ...(Object.keys(outsideContentShapes) as (keyof typeof outsideContentShapes)[]).map((type) => ({
    name: `a valid ${type} shape`,
    reason: new RegExp(`${type} shapes are not allowed`),
    build: pushed(() => entry(outsideContentShape(type))),
  })),
  { name: 'a record carrying binary data', reason: /JSON data only/, build: pushed(() => entry({ ...stickyShape('binary'), meta: { blob: new Uint8Array([1, 2]) } } as Record<string, unknown>)) },
  { name: 'a record with a prototype smuggled in through __proto__', reason: /JSON data only/, build: pushed(() => entry(protoSticky())) },
  { name: 'a Y.Map pushed into tl_records', reason: /nested type/, build: pushed(() => new Y.Map()) },
  { name: 'a Y.Text pushed into tl_records', reason: /nested type/, build: pushed(() => new Y.Text('hi')) },
  { name: 'a Y.XmlFragment pushed into tl_records', reason: /nested type/, build: pushed(() => new Y.XmlFragment()) },
  { name: 'a sub-document pushed into tl_records', reason: /sub-document/, build: pushed(() => new Y.Doc()) },
  { name: 'binary content pushed into tl_records', reason: /binary content/, build: pushed(() => new Uint8Array([1, 2, 3])) },
  { name: 'text written into tl_records as a Y.Text', reason: /text content/, build: forged((f) => f.getText(recordsKey).insert(0, 'hi')) },
  { name: 'an embed written into tl_records as a Y.Text', reason: /embed content/, build: forged((f) => f.getText(recordsKey).insertEmbed(0, { src: 'https://evil.example/' })) },
  { name: 'formatted text written into tl_records as a Y.Text', reason: /(format|text) content/, build: forged((f) => f.getText(recordsKey).insert(0, 'hi', { bold: true })) },
  { name: 'a map entry on tl_records', reason: /array entries, not map keys/, build: forged((f) => f.getMap(recordsKey).set('shape:keyed', entry(stickyShape('keyed')))) },
  { name: 'another root', reason: /unknown root/, build: (board) => hostileUpdate(board, (c) => c.getMap('evil').set('x', 1)) },
  {
    name: 'another root whose content is already deleted',
    reason: /unknown root/,
    build: (board) =>
      hostileUpdate(board, (c) => {
        c.getArray('evil').push([1])
        c.getArray('evil').delete(0)
      }),
  },
  { name: 'a client replacing the schema in tl_meta', reason: /tl_meta is written by the server only/, build: (board) => hostileUpdate(board, (c) => metaMap(c).set(schemaKey, newerSchema())) },
  { name: 'a client adding a key to tl_meta', reason: /tl_meta is written by the server only/, build: (board) => hostileUpdate(board, (c) => c.getMap(metaKey).set('owner', 'mallory')) },
  { name: 'a client locking an element', reason: /locks is written by the server only/, build: (board) => hostileUpdate(board, (c) => locksMap(c).set('shape:x', true)) },
  { name: 'a client changing the workshop phase', reason: /facilitation is written by the server only/, build: (board) => hostileUpdate(board, (c) => facilitationMap(c).set('phase', { phase: null, paletteOpen: true })) },
  { name: 'a client deleting the schema from tl_meta', reason: /tl_meta is written by the server only/, build: (board) => hostileUpdate(board, (c) => metaMap(c).delete(schemaKey)) },
  {
    name: 'records past the quota',
    reason: /over quota: a board holds at most \d+ records/,
    build: (board, { maxRecords }) =>
      hostileUpdate(board, (c) => {
        const room = maxRecords - recordArray(c).length
        recordArray(c).push(Array.from({ length: room + 1 }, (_, i) => entry(stickyShape(`over-${i}`, i * 10))))
      }),
  },
  { name: 'an update after a clock gap', reason: /gap/, build: afterGap },
  { name: 'a client appearing in two sections of one update', reason: /malformed update: a client appears twice/, build: clientTwice },
  { name: 'a truncated update', reason: /malformed update/, build: (board) => pushed(() => entry(stickyShape('cut')))(board).slice(0, -5) },
]

export function hostileUpdateNamed(name: string): HostileUpdate {
  const found = hostileUpdates.find((payload) => payload.name === name)
  if (!found) throw new Error(`no hostile update named ${name}`)
  return found
}
