import { type RecordsDiff, reverseRecordsDiff } from '@tldraw/store'
import {
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLStore,
  createShapeId,
  toRichText,
} from '@tldraw/tlschema'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { createBoardSchema } from '../board/boardSchema.ts'
import { boardRecords, row, sticky } from '../model/testing.ts'
import { IncompatibleBoardError, bindStoreToDoc } from '../sync/storeBinding.ts'
import { createTestStore, mountLikeEditor } from '../sync/testStores.ts'
import { recordsToDoc } from './convert.ts'
import { type RecordEntry, metaKey, metaMap, readRecords, readSchema, recordArray, recordsKey, schemaKey } from './layout.ts'
import { RefusedUpdate, type UpdateCheck, type UpdateLimits, checkUpdate } from './updateCheck.ts'
import {
  clientOf,
  entry,
  hostileUpdateNamed,
  hostileUpdates,
  imageAsset,
  outsideContentShape,
  shapeBase,
  stickyShape,
  updateFrom,
  userStateRecord,
} from './hostileUpdates.ts'

const limits: UpdateLimits = { maxRecords: 1_000 }
const schema = createBoardSchema()

/** A small board: two stickies and an arrow bound to both. */
const seedRecords = () =>
  boardRecords({
    elements: row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')),
    flows: [{ id: 'places', from: 'place-order', to: 'order-placed' }],
  })

/** The board's doc as the server holds it (recordsToDoc writes the schema into tl_meta, as the server does). */
const serverDoc = (records = seedRecords()) => recordsToDoc(records)

function refusal(server: Y.Doc, update: Uint8Array, checkLimits = limits): string {
  try {
    checkUpdate(server, update, checkLimits)
  } catch (error) {
    if (error instanceof RefusedUpdate) return error.message
    throw error
  }
  throw new Error('the update was accepted')
}

/** The server's doc as it would be after applying the update: proves a refused payload is real. */
function applied(server: Y.Doc, update: Uint8Array): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
  Y.applyUpdate(copy, update)
  return copy
}

function isValidRecord(record: unknown): boolean {
  try {
    const typeName = (record as { typeName?: unknown }).typeName
    if (typeof typeName !== 'string' || !Object.hasOwn(schema.types, typeName)) return false
    schema.types[typeName as TLRecord['typeName']].validate(record)
    return true
  } catch {
    return false
  }
}

const docFrom = (state: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

type Section = { client: number; clock: number; structs: (Y.Item | Y.GC | Y.Skip)[] }

/** Decoded structs as Yjs's encoder writes them: one section per run of a client. */
function sectionsOf(structs: (Y.Item | Y.GC | Y.Skip)[]): Section[] {
  const sections: Section[] = []
  for (const struct of structs) {
    const last = sections[sections.length - 1]
    if (last?.client === struct.id.client) last.structs.push(struct)
    else sections.push({ client: struct.id.client, clock: struct.id.clock, structs: [struct] })
  }
  return sections
}

/**
 * Writes structs as an update with Yjs's own encoder, whatever they say: how a
 * hostile client builds what no Yjs doc would send.
 */
function encodeSections(sections: Section[], deletes = new Map<number, { clock: number; len: number }[]>()): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, sections.length)
  for (const { client, clock, structs } of sections) {
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, clock)
    for (const struct of structs) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, deletes.size)
  for (const [client, ranges] of deletes) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}

/**
 * A server holding GC structs: what is left of a map a forger pushed and
 * deleted again (its items: the map, then its key `a`). `alive` is the
 * forger's update from before the deletion.
 */
function serverWithGarbage() {
  const server = serverDoc()
  const forger = new Y.Doc()
  const map = new Y.Map<number>()
  const alive = updateFrom(forger, () => {
    recordArray(forger).push([map as unknown as RecordEntry])
    map.set('a', 1)
  })
  recordArray(forger).delete(0)
  const deleted = Y.encodeStateAsUpdate(forger)
  expect(checkUpdate(server, deleted, limits).addedRecords).toBe(0)
  Y.applyUpdate(server, deleted)
  expect(server.store.clients.get(forger.clientID)!.map((s) => s.constructor)).toEqual([Y.Item, Y.GC])
  return { server, forger: forger.clientID, alive }
}

/** Mallory saw the forger's map alive and sets its key again: her item names no parent, only the origin the server GC'd. */
function besideGarbage(alive: Uint8Array) {
  const mallory = new Y.Doc()
  Y.applyUpdate(mallory, alive)
  return { mallory: mallory.clientID, update: updateFrom(mallory, () => (recordArray(mallory).get(0) as unknown as Y.Map<number>).set('a', 42)) }
}

const browserCannotOpen = (doc: Y.Doc) => expect(() => bindStoreToDoc(createTestStore(), doc)).toThrow()

const geoShape = (id: string) =>
  ({
    ...shapeBase(id),
    type: 'geo',
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 100,
      h: 80,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'blue',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText('Payments'),
    },
  }) satisfies TLShape<'geo'>

describe('an update no reader could read is refused before it reaches the board', () => {
  test.each(hostileUpdates)('$name is refused', ({ reason, build }) => {
    const server = serverDoc()
    expect(refusal(server, build(server, limits))).toMatch(reason)
  })

  const invalidRecords = (doc: Y.Doc) => readRecords(doc).filter((r) => !isValidRecord(r))
  const ids = (doc: Y.Doc) => readRecords(doc).map((r) => r.id as string)

  /** What each payload would do to the board if the server applied it: why it is refused. */
  const harms: [string, (applied: Y.Doc) => void][] = [
    ['the number 42 pushed into tl_records', browserCannotOpen],
    ['an entry with a key but no val', browserCannotOpen],
    ['an entry whose key is not its record id', (doc) => expect(recordArray(doc).toArray().some(({ key, val }) => key !== val.id)).toBe(true)],
    ['a sticky with an invalid prop', (doc) => expect(invalidRecords(doc)).toHaveLength(1)],
    ['a record of a type the schema does not know', (doc) => expect(invalidRecords(doc)).toHaveLength(1)],
    ['an asset record', (doc) => expect(ids(doc)).toContain(imageAsset.id)],
    ...(['image', 'video', 'bookmark', 'embed'] as const).map((type): [string, (applied: Y.Doc) => void] => [`a valid ${type} shape`, (doc) => expect(ids(doc)).toContain(outsideContentShape(type).id)]),
    ...['instance', 'instance_page_state', 'camera', 'pointer'].map((typeName): [string, (applied: Y.Doc) => void] => [
      `a ${typeName} record (one user’s own state)`,
      (doc) => expect(readRecords(doc).map((r) => r.typeName)).toContain(typeName),
    ]),
    ...['a Y.Map', 'a Y.Text', 'a Y.XmlFragment', 'a sub-document', 'binary content'].map((what): [string, (applied: Y.Doc) => void] => [`${what} pushed into tl_records`, browserCannotOpen]),
    ...['text', 'an embed', 'formatted text'].map((what): [string, (applied: Y.Doc) => void] => [`${what} written into tl_records as a Y.Text`, browserCannotOpen]),
    ['a map entry on tl_records', (doc) => expect((doc.share.get(recordsKey) as Y.AbstractType<unknown>)._map.size).toBe(1)],
    ['another root', (doc) => expect([...doc.share.keys()]).toContain('evil')],
    ['a client adding a key to tl_meta', (doc) => expect(doc.getMap(metaKey).get('owner')).toBe('mallory')],
    ['a client deleting the schema from tl_meta', (doc) => expect(readSchema(doc)).toBeUndefined()],
    ['an update after a clock gap', (doc) => expect(doc.store.pendingStructs).not.toBeNull()],
    ['a client appearing in two sections of one update', (doc) => expect(doc.store.pendingStructs).not.toBeNull()],
  ]

  test.each(harms)('%s, applied, would harm the board', (name, harm) => {
    const server = serverDoc()
    harm(applied(server, hostileUpdateNamed(name).build(server, limits)))
  })

  test('the valid-looking payloads are valid tldraw records: only the board’s own rules refuse them', () => {
    expect(isValidRecord(imageAsset)).toBe(true)
    for (const type of ['image', 'video', 'bookmark', 'embed'] as const) expect(isValidRecord(outsideContentShape(type))).toBe(true)
    for (const typeName of ['instance', 'instance_page_state', 'camera', 'pointer']) expect(isValidRecord(userStateRecord(typeName))).toBe(true)
  })

  test('a client replacing the schema in tl_meta would make browsers take the board for one from a newer app', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = serverDoc()
    const update = hostileUpdateNamed('a client replacing the schema in tl_meta').build(server, limits)
    expect(() => bindStoreToDoc(createTestStore(), applied(server, update))).toThrow(IncompatibleBoardError)
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
  })

  test('deleting the schema from tl_meta is a delete set alone, with no structs', () => {
    const server = serverDoc()
    expect(Y.decodeUpdate(hostileUpdateNamed('a client deleting the schema from tl_meta').build(server, limits)).structs).toHaveLength(0)
  })

  test('a smuggled __proto__ really reaches the decoded record as its prototype', () => {
    const update = hostileUpdateNamed('a record with a prototype smuggled in through __proto__').build(serverDoc(), limits)
    expect(Object.getPrototypeOf((Y.decodeUpdate(update).structs[0] as Y.Item).content.getContent()[0].val.meta)).not.toBe(Object.prototype)
  })

  test('content inside a nested type is refused, not only the type', () => {
    const server = serverDoc()
    const client = clientOf(server)
    const map = new Y.Map<number>()
    recordArray(client).push([map as unknown as RecordEntry])
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client)) // as if an older server had let it in
    const update = updateFrom(client, () => map.set('a', 1))
    expect(refusal(server, update)).toMatch(/nested types are not allowed/)
  })
})

describe('an update Yjs could not integrate completely is refused', () => {
  test('a delete of content the server never saw is refused; applied, it would wait in pendingDs', () => {
    const server = serverDoc()
    const client = clientOf(server)
    updateFrom(client, () => recordArray(client).push([entry(stickyShape('unseen'))]))
    const deletion = updateFrom(client, () => recordArray(client).delete(recordArray(client).length - 1))
    expect(refusal(server, deletion)).toMatch(/gap: the delete set/)
    expect(applied(server, deletion).store.pendingDs).not.toBeNull()
  })

  test('an item placed next to another client’s item the server never saw is refused', () => {
    const server = serverDoc()
    const alice = clientOf(server)
    const bob = clientOf(server)
    Y.applyUpdate(bob, updateFrom(alice, () => recordArray(alice).push([entry(stickyShape('alices'))])))
    const update = updateFrom(bob, () => recordArray(bob).push([entry(stickyShape('bobs'))]))
    expect(refusal(server, update)).toMatch(/origin is neither in the document nor in the update/)
    expect(applied(server, update).store.pendingStructs).not.toBeNull()
  })

  test('two clients’ items that each name the other’s as origin are refused: Yjs would leave both pending', () => {
    const server = serverDoc()
    const [a, b] = [clientOf(server), clientOf(server)].map(
      (client, i) => Y.decodeUpdate(updateFrom(client, () => recordArray(client).push([entry(stickyShape(`loop-${i}`))]))).structs[0] as Y.Item,
    )
    a!.origin = b!.id
    b!.origin = a!.id
    const update = encodeSections(sectionsOf([a!, b!]))
    expect(refusal(server, update)).toMatch(/gap: the update depends on content it only adds later/)
    expect(applied(server, update).store.pendingStructs).not.toBeNull()
  })

  test('an item naming a later item of its own client as origin is refused: Yjs would look it up before it exists and throw', () => {
    const server = serverDoc()
    const client = clientOf(server)
    const update = updateFrom(client, () => {
      recordArray(client).push([entry(stickyShape('first'))])
      recordArray(client).push([entry(stickyShape('second'))])
    })
    const [first, second] = Y.decodeUpdate(update).structs as Y.Item[]
    first!.origin = second!.id
    const forged = encodeSections(sectionsOf([first!, second!]))
    expect(refusal(server, forged)).toMatch(/origin is neither in the document nor in the update/)
    expect(() => applied(server, forged)).toThrow()
  })

  test('an empty struct is refused as malformed: Yjs’s encoders never write one', () => {
    const empty = new Y.Item(Y.createID(7, 0), null, null, null, null, recordsKey as never, null, new Y.ContentAny([]))
    expect(refusal(serverDoc(), encodeSections([{ client: 7, clock: 0, structs: [empty] }]))).toBe('malformed update')
  })

  test('clocks past 2^53 are refused as malformed: Yjs could no longer tell them apart', () => {
    const huge = new Y.GC(Y.createID(7, 0), Number.MAX_SAFE_INTEGER)
    const next = new Y.Item(Y.createID(7, Number.MAX_SAFE_INTEGER), null, null, null, null, recordsKey as never, null, new Y.ContentDeleted(2))
    expect(refusal(serverDoc(), encodeSections([{ client: 7, clock: 0, structs: [huge, next] }]))).toBe('malformed update')
  })

  test.each([
    ['random bytes', new Uint8Array([7, 200, 1, 99, 42])],
    ['an empty message', new Uint8Array([])],
  ])('%s are refused as malformed', (_, update) => {
    expect(refusal(serverDoc(), update)).toBe('malformed update')
  })
})

describe('content Yjs garbage-collects on arrival is harmless', () => {
  test('an unreadable item placed next to a garbage-collected struct is accepted, and Yjs stores it as GC', () => {
    const { server, alive } = serverWithGarbage()
    const { mallory, update } = besideGarbage(alive)
    expect(checkUpdate(server, update, limits)).toEqual({ authors: new Set([mallory]), addedRecords: 0, deletedRecords: 0, changes: true })
    Y.applyUpdate(server, update)
    expect(server.store.clients.get(mallory)!.map((s) => s.constructor)).toEqual([Y.GC])
    expect(readRecords(server).every(isValidRecord)).toBe(true)
  })

  test('an item continuing a struct the server garbage-collected is refused: Yjs would splice it after the GC struct and throw', () => {
    const { server, forger } = serverWithGarbage()
    const [firstRecord] = server.store.clients.get(server.clientID)!
    // Clock 1 is the server's GC struct, clock 2 is new; the origin names a record, not the GC struct.
    const item = new Y.Item(Y.createID(forger, 1), null, firstRecord!.id, null, null, null, null, new Y.ContentAny([entry(stickyShape('x')), entry(stickyShape('y'))]))
    const update = encodeSections([{ client: forger, clock: 1, structs: [item] }])
    expect(refusal(server, update)).toMatch(/continues a struct stored elsewhere/)
    expect(() => applied(server, update)).toThrow(TypeError)
  })
})

interface Participant {
  doc: Y.Doc
  store: TLStore
}

/**
 * A board on a server that relays between participants as server/realtime
 * does, checking every update before applying it. Messages wait in flight
 * until `deliver`, so edits made before it are concurrent.
 */
function liveBoard(records = seedRecords()) {
  const server = serverDoc(records)
  const participants: Participant[] = []
  const inFlight: (() => void)[] = []
  const checks: UpdateCheck[] = []
  server.on('update', (update: Uint8Array, origin: unknown) => {
    for (const p of participants) if (p !== origin) inFlight.push(() => Y.applyUpdate(p.doc, update, server))
  })
  const receive = (from: Participant, update: Uint8Array) => {
    checks.push(checkUpdate(server, update, limits))
    Y.applyUpdate(server, update, from)
  }
  const join = (): Participant => {
    const participant = { doc: new Y.Doc(), store: createTestStore() }
    Y.applyUpdate(participant.doc, Y.encodeStateAsUpdate(server), server)
    participant.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== server) inFlight.push(() => receive(participant, update))
    })
    bindStoreToDoc(participant.store, participant.doc)
    mountLikeEditor(participant.store)
    participants.push(participant)
    return participant
  }
  const deliver = () => {
    while (inFlight.length > 0) inFlight.shift()!()
  }
  return { server, participants, join, deliver, checks }
}

const documentRecords = (store: TLStore) =>
  store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName))
    .sort((a, b) => a.id.localeCompare(b.id))

const byId = (records: TLRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))

function expectConverged(board: ReturnType<typeof liveBoard>): void {
  for (const p of board.participants) {
    expect(readRecords(p.doc)).toEqual(readRecords(board.server))
    expect(documentRecords(p.store)).toEqual(byId(readRecords(board.server)))
  }
}

const moved = (store: TLStore, id: TLShapeId, dx: number) => store.update(id, (s) => ({ ...s, x: s.x + dx }))

describe('what the browsers send is accepted', () => {
  test('joining a board sends nothing, and a participant creating, moving, editing and deleting stickies is accepted', () => {
    const board = liveBoard()
    const alice = board.join()
    const bob = board.join()
    board.deliver()
    expect(board.checks).toEqual([])

    const shape = stickyShape('payment-taken')
    alice.store.put([shape])
    moved(alice.store, shape.id, 40)
    alice.store.update(shape.id, (s) => ({ ...s, props: { ...s.props, text: 'Payment Taken' } }) as TLShape)
    board.deliver()
    moved(bob.store, shape.id, 10)
    bob.store.remove([shape.id])
    board.deliver()
    expect(board.checks).toHaveLength(5)
    expectConverged(board)
  })

  test('contexts, lanes, boundaries and titles are accepted like stickies', () => {
    const board = liveBoard()
    const alice = board.join()
    board.join()
    const structure = boardRecords({
      contexts: [{ id: 'billing', name: 'Billing', source: 'com.example.billing', team: 'Payments', description: '', x: 0, y: 0, w: 800, h: 400 }],
      lanes: [{ id: 'customer', label: 'Customer', x: 0, y: 500, w: 1200, h: 200 }],
      boundaries: [{ id: 'paid', label: 'Paid', x: 900, y: 0, h: 700 }],
      labels: [{ id: 'title', text: 'Checkout', x: 0, y: -100 }],
    }).filter((r) => r.typeName === 'shape')
    expect(new Set(structure.map((r) => r.type)).size).toBe(4)
    alice.store.put(structure)
    for (const shape of structure) moved(alice.store, shape.id as TLShapeId, 15)
    alice.store.remove(structure.map((r) => r.id as TLShapeId))
    board.deliver()
    expect(board.checks.map((c) => [c.addedRecords, c.deletedRecords])).toEqual([[4, 0], [1, 1], [1, 1], [1, 1], [1, 1], [0, 4]])
    expectConverged(board)
  })

  test('tldraw geo shapes and arrows bound to stickies are accepted', () => {
    const board = liveBoard()
    const alice = board.join()
    board.join()
    const flow = boardRecords({
      elements: row(0, 300, sticky('event', 'Payment Taken'), sticky('policy', 'Ship When Paid')),
      flows: [{ id: 'pays', from: 'payment-taken', to: 'ship-when-paid' }],
    }).filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
    alice.store.put([geoShape('area'), ...flow])
    board.deliver()
    const arrow = flow.find((r) => r.typeName === 'shape' && r.type === 'arrow')!
    moved(alice.store, arrow.id as TLShapeId, 25)
    board.deliver()
    expect(board.checks.map((c) => c.addedRecords)).toEqual([flow.length + 1, 1])
    expectConverged(board)
  })

  test('undo and redo, replayed as tldraw’s history does, are accepted', () => {
    const board = liveBoard()
    const alice = board.join()
    board.join()
    const shape = stickyShape('undone')
    const diffs: RecordsDiff<TLRecord>[] = [
      alice.store.extractingChanges(() => alice.store.put([shape])),
      alice.store.extractingChanges(() => moved(alice.store, shape.id, 50)),
      alice.store.extractingChanges(() => alice.store.remove([shape.id])),
    ]
    for (const diff of [...diffs].reverse()) alice.store.applyDiff(reverseRecordsDiff(diff))
    board.deliver()
    for (const diff of diffs) alice.store.applyDiff(diff)
    board.deliver()
    expect(board.checks).toHaveLength(9)
    expectConverged(board)
  })

  test('YKeyValue’s cleanup of a key two participants set at once is accepted', () => {
    const board = liveBoard()
    const alice = board.join()
    const bob = board.join()
    const [command] = seedRecords().filter((r) => r.typeName === 'shape')
    moved(alice.store, command!.id as TLShapeId, 10)
    moved(bob.store, command!.id as TLShapeId, 20)
    board.deliver()
    // Both entries reached the server; the participants' YKeyValues deleted the loser's.
    expect(board.checks.some((c) => c.addedRecords === 0 && c.deletedRecords === 1)).toBe(true)
    expectConverged(board)
    expect(new Set(recordArray(board.server).map((e) => e.key)).size).toBe(recordArray(board.server).length)
  })

  test('a participant joining a board with duplicate keys cleans them up, and the cleanup is accepted', () => {
    const server = serverDoc()
    const [command] = seedRecords().filter((r) => r.typeName === 'shape')
    recordArray(server).push([entry({ ...command!, x: 500 })])
    const late = clientOf(server)
    const cleanup = updateFrom(late, () => bindStoreToDoc(createTestStore(), late))
    expect(checkUpdate(server, cleanup, limits)).toEqual({ authors: new Set(), addedRecords: 0, deletedRecords: 1, changes: true })
  })
})

describe('what a reconnecting client resends is accepted', () => {
  function workshop() {
    const board = liveBoard()
    const alice = board.join()
    const bob = board.join()
    alice.store.put([stickyShape('alices', 0)])
    board.deliver()
    const snapshot = Y.encodeStateAsUpdate(board.server)
    bob.store.put([stickyShape('bobs', 300)])
    moved(alice.store, createShapeId('alices'), 5)
    bob.store.remove([createShapeId('place-order')])
    board.deliver()
    return { board, alice, bob, snapshot }
  }

  const syncStep2 = (client: Y.Doc, server: Y.Doc) => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))

  test('a full sync step 2 to a server that has everything is accepted and changes nothing', () => {
    const { board, alice } = workshop()
    const step2 = syncStep2(alice.doc, board.server)
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0)
    expect(checkUpdate(board.server, step2, limits)).toEqual({ authors: new Set(), addedRecords: 0, deletedRecords: 0, changes: false })
  })

  test('resending the server’s own tl_meta history, an overwritten schema included, is accepted and changes nothing', () => {
    const server = serverDoc()
    metaMap(server).set(schemaKey, schema.serialize())
    const client = clientOf(server)
    const resend = Y.encodeStateAsUpdate(client)
    expect(Y.decodeUpdate(resend).ds.clients.get(server.clientID)).toHaveLength(1)
    expect(checkUpdate(server, resend, limits)).toEqual({ authors: new Set(), addedRecords: 0, deletedRecords: 0, changes: false })
  })

  test('a whole-state resend, every struct already known, changes nothing', () => {
    const { board, alice } = workshop()
    expect(checkUpdate(board.server, Y.encodeStateAsUpdate(alice.doc), limits).changes).toBe(false)
  })

  test('a sync step 2 to a server that lost the last edits is accepted and relays the other participant’s edits', () => {
    const { board, alice, bob, snapshot } = workshop()
    const restarted = new Y.Doc()
    Y.applyUpdate(restarted, snapshot)
    const step2 = syncStep2(alice.doc, restarted)
    const check = checkUpdate(restarted, step2, limits)
    expect(check.authors).toEqual(new Set([alice.doc.clientID, bob.doc.clientID]))
    expect(check).toMatchObject({ addedRecords: 2, deletedRecords: 2, changes: true })
    Y.applyUpdate(restarted, step2)
    expect(readRecords(restarted)).toEqual(readRecords(board.server))
    expect(restarted.store.pendingStructs).toBeNull()
  })
})

describe('what the check reports', () => {
  function aliceOnBoard() {
    const server = serverDoc()
    const alice = clientOf(server)
    const store = createTestStore()
    bindStoreToDoc(store, alice)
    mountLikeEditor(store)
    const send = (change: () => void, checkLimits = limits) => {
      const update = updateFrom(alice, change)
      const check = checkUpdate(server, update, checkLimits)
      Y.applyUpdate(server, update)
      return { check, update }
    }
    return { server, alice, store, send }
  }

  test('a new sticky is one added record authored by its client', () => {
    const { alice, store, send } = aliceOnBoard()
    expect(send(() => store.put([stickyShape('new')])).check).toEqual({ authors: new Set([alice.clientID]), addedRecords: 1, deletedRecords: 0, changes: true })
  })

  test('moving a sticky adds its new entry and deletes the old one', () => {
    const { store, send } = aliceOnBoard()
    expect(send(() => moved(store, createShapeId('place-order'), 5)).check).toMatchObject({ addedRecords: 1, deletedRecords: 1, changes: true })
  })

  test('deleting a sticky deletes one entry and authors nothing', () => {
    const { store, send } = aliceOnBoard()
    expect(send(() => store.remove([createShapeId('order-placed')])).check).toEqual({ authors: new Set(), addedRecords: 0, deletedRecords: 1, changes: true })
  })

  test('the same update sent twice changes nothing the second time', () => {
    const { server, store, send } = aliceOnBoard()
    const { update } = send(() => moved(store, createShapeId('place-order'), 5))
    expect(checkUpdate(server, update, limits)).toEqual({ authors: new Set(), addedRecords: 0, deletedRecords: 0, changes: false })
  })

  test('on a full board, updating a record is accepted and adding one is refused', () => {
    const { server, alice, store, send } = aliceOnBoard()
    const full = { maxRecords: recordArray(server).length }
    expect(send(() => moved(store, createShapeId('place-order'), 5), full).check.addedRecords).toBe(1)
    expect(refusal(server, updateFrom(alice, () => store.put([stickyShape('more')])), full)).toMatch(/quota/)
  })

  test('a board over its quota can still shrink', () => {
    const { store, send } = aliceOnBoard()
    const lowered = { maxRecords: 1 }
    const { check } = send(() => store.remove([createShapeId('place-order'), createShapeId('order-placed')]), lowered)
    expect(check).toMatchObject({ addedRecords: 0, deletedRecords: 2 })
  })
})

describe('properties', () => {
  type Edit = { who: number; what: 'add' | 'flow' | 'move' | 'retext' | 'delete' | 'undo' | 'redo' | 'deliver'; pick: number }
  const editArbitrary = fc.record({
    who: fc.nat(2),
    what: fc.constantFrom<Edit['what']>('add', 'flow', 'move', 'retext', 'delete', 'undo', 'redo', 'deliver'),
    pick: fc.nat(1_000),
  })

  interface Person extends Participant {
    undo: RecordsDiff<TLRecord>[]
    redo: RecordsDiff<TLRecord>[]
  }

  const shapesOf = (store: TLStore) => store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')

  /** One edit as a person does it in the browser; each one is an undoable step, as in tldraw's history. */
  function perform(person: Person, { what, pick }: Edit, name: string): void {
    const { store } = person
    const shapes = shapesOf(store)
    const target = shapes[pick % Math.max(shapes.length, 1)]
    const step = (change: () => void) => {
      person.undo.push(store.extractingChanges(change))
      person.redo = []
    }
    switch (what) {
      case 'add':
        return step(() => store.put([pick % 3 === 0 ? geoShape(name) : stickyShape(name, pick)]))
      case 'flow':
        return step(() =>
          store.put(
            boardRecords({
              elements: row(pick, 500, sticky('event', `${name} done`), sticky('command', `${name} do`)),
              flows: [{ id: name, from: `${name}-do`, to: `${name}-done` }],
            }).filter((r) => r.typeName === 'shape' || r.typeName === 'binding'),
          ),
        )
      case 'move':
        return target && step(() => moved(store, target.id, pick - 500))
      case 'retext':
        return target?.type === 'es-sticky' ? step(() => store.update(target.id, (s) => ({ ...s, props: { ...s.props, text: name } }) as TLShape)) : undefined
      case 'delete': {
        if (!target) return
        const bindings = store.allRecords().filter((r) => r.typeName === 'binding' && (r.fromId === target.id || r.toId === target.id))
        return step(() => store.remove([target.id, ...bindings.map((b) => b.id)]))
      }
      case 'undo': {
        const diff = person.undo.pop()
        if (!diff) return
        store.applyDiff(reverseRecordsDiff(diff))
        person.redo.push(diff)
        return
      }
      case 'redo': {
        const diff = person.redo.pop()
        if (!diff) return
        store.applyDiff(diff)
        person.undo.push(diff)
        return
      }
      case 'deliver':
        return
    }
  }

  test('random edits by two or three participants, with undo, redo and concurrent edits, are all accepted and everyone converges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(editArbitrary, { maxLength: 40 }), (count, edits) => {
        const board = liveBoard()
        const people: Person[] = Array.from({ length: count }, () => ({ ...board.join(), undo: [], redo: [] }))
        for (const [i, edit] of edits.entries()) {
          if (edit.what === 'deliver') board.deliver()
          else perform(people[edit.who % count]!, edit, `p${edit.who % count}-${i}`)
        }
        board.deliver()
        expectConverged(board)
      }),
      { numRuns: 80 },
    )
  })

  /** Legit updates to mutate, each with the server state it was made for. */
  function mutationBases(): { before: Uint8Array; update: Uint8Array }[] {
    const board = liveBoard()
    const before = Y.encodeStateAsUpdate(board.server)
    const single = (change: (store: TLStore) => void) => {
      const doc = docFrom(before)
      const store = createTestStore()
      bindStoreToDoc(store, doc)
      return { before, update: updateFrom(doc, () => change(store)) }
    }
    const flow = boardRecords({
      elements: row(0, 300, sticky('event', 'Paid'), sticky('policy', 'Ship')),
      flows: [{ id: 'pays', from: 'paid', to: 'ship' }],
    }).filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
    const alice = board.join()
    const bob = board.join()
    const syncStep2 = (since: Uint8Array) => ({ before: since, update: Y.encodeStateAsUpdate(alice.doc, Y.encodeStateVector(docFrom(since))) })

    alice.store.put([stickyShape('alices'), geoShape('area')])
    board.deliver()
    moved(bob.store, createShapeId('alices'), 7)
    bob.store.remove([createShapeId('order-placed')])
    board.deliver()
    const edits = syncStep2(before)

    // Entries added and deleted again, next to each other's: small updates of
    // deleted items whose origins cross clients, so most mutations hit structure.
    const beforeChurn = Y.encodeStateAsUpdate(board.server)
    for (const round of [1, 2, 3]) {
      alice.store.put([stickyShape(`a${round}`)])
      board.deliver()
      bob.store.put([stickyShape(`b${round}`)])
      board.deliver()
      alice.store.remove([createShapeId(`b${round}`)])
      bob.store.remove([createShapeId(`a${round}`)])
      board.deliver()
    }
    return [
      single((store) => store.put([stickyShape('added')])),
      single((store) => moved(store, createShapeId('place-order'), 3)),
      single((store) => store.remove([createShapeId('order-placed')])),
      single((store) => store.put(flow)),
      edits,
      syncStep2(beforeChurn),
    ]
  }

  /**
   * Where to mutate: anywhere, or near the ends, where the clients, clocks,
   * origins and parent info of the first structs and the delete set are.
   */
  const positionArbitrary = fc.oneof(
    fc.record({ at: fc.nat(), fromEnd: fc.constant(false) }),
    fc.record({ at: fc.nat(40), fromEnd: fc.boolean() }),
  )
  const mutationArbitrary = fc.record({
    kind: fc.constantFrom('set', 'nudge', 'insert', 'remove', 'truncate'),
    position: positionArbitrary,
    value: fc.nat(255),
  })
  type Mutation = typeof mutationArbitrary extends fc.Arbitrary<infer M> ? M : never

  function mutate(update: Uint8Array, mutations: Mutation[]): Uint8Array {
    let bytes = [...update]
    for (const { kind, position, value } of mutations) {
      const at = position.at % Math.max(bytes.length, 1)
      const i = position.fromEnd ? bytes.length - 1 - at : at
      if (kind === 'set') bytes[i] = value
      // Off by one or two: a neighbouring clock, client, length or origin.
      if (kind === 'nudge') bytes[i] = ((bytes[i] ?? 0) + (value % 5) - 2 + 256) % 256
      if (kind === 'insert') bytes.splice(i, 0, value)
      if (kind === 'remove') bytes.splice(i, 1)
      if (kind === 'truncate') bytes = bytes.slice(0, i)
    }
    return new Uint8Array(bytes)
  }

  /**
   * Checks the update against the server state `before`; when it is accepted,
   * applies it and asserts that nothing unreadable or pending is left and that
   * the check reported what applying did.
   */
  function expectRefusedOrSound(before: Uint8Array, update: Uint8Array): void {
    const server = docFrom(before)
    const theSchema = readSchema(server)
    let check: UpdateCheck
    try {
      check = checkUpdate(server, update, limits)
    } catch (error) {
      expect(error).toBeInstanceOf(RefusedUpdate)
      return
    } finally {
      // Checking leaves the doc as it was.
      expect(Buffer.from(Y.encodeStateAsUpdate(server)).equals(before)).toBe(true)
    }
    const stateBefore = Y.decodeStateVector(Y.encodeStateVector(server))
    const entriesBefore = recordArray(server).length
    let updateEvents = 0
    server.on('update', () => updateEvents++)
    Y.applyUpdate(server, update)

    expect(server.store.pendingStructs).toBeNull()
    expect(server.store.pendingDs).toBeNull()
    expect([...server.share.keys()].sort()).toEqual([metaKey, recordsKey])
    expect(readSchema(server)).toEqual(theSchema)
    for (const { key, val } of recordArray(server).toArray()) {
      expect(key).toBe(val.id)
      expect(isValidRecord(val)).toBe(true)
    }
    const grown = [...Y.decodeStateVector(Y.encodeStateVector(server))].filter(([client, clock]) => clock > (stateBefore.get(client) ?? 0))
    expect(check.authors).toEqual(new Set(grown.map(([client]) => client)))
    expect(check.changes).toBe(updateEvents > 0)
    const entriesAfter = recordArray(server).length
    expect(entriesAfter).toBeGreaterThanOrEqual(entriesBefore - check.deletedRecords)
    expect(entriesAfter).toBeLessThanOrEqual(entriesBefore - check.deletedRecords + check.addedRecords)
  }

  test('a mutated or truncated update is refused, or applies fully and leaves only valid records', () => {
    const bases = mutationBases()
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        const { before, update } = bases[base]!
        expectRefusedOrSound(before, mutate(update, mutations))
      }),
      { numRuns: 3_000 },
    )
  })

  const structMutationArbitrary = fc.record({
    kind: fc.constantFrom('origin', 'rightOrigin', 'start', 'client', 'skip', 'gc', 'deleted', 'parent', 'drop', 'split', 'delete'),
    section: fc.nat(),
    struct: fc.nat(),
    pick: fc.nat(),
    delta: fc.integer({ min: -2, max: 2 }),
  })
  type StructMutation = typeof structMutationArbitrary extends fc.Arbitrary<infer M> ? M : never

  /**
   * Rewrites decoded structs the way a hostile encoder could: origins moved to
   * other known or unknown ids, sections shifted, split or renamed, gaps, GC,
   * deleted content, explicit parents, extra delete ranges.
   */
  function mutateStructs(before: Uint8Array, update: Uint8Array, mutations: StructMutation[]): Uint8Array {
    const { structs, ds } = Y.decodeUpdate(update)
    const sections = sectionsOf(structs)
    const deletes = new Map([...ds.clients].map(([client, ranges]) => [client, ranges.map(({ clock, len }) => ({ clock, len }))]))
    const server = docFrom(before)
    const clients = [...new Set([...server.store.clients.keys(), ...sections.map((s) => s.client), 1, 2])]
    const ids = (pick: number) => {
      const client = clients[pick % clients.length]!
      const state = Math.max(Y.getState(server.store, client), sections.find((s) => s.client === client)?.structs.reduce((end, st) => Math.max(end, st.id.clock + st.length), 0) ?? 0)
      return Y.createID(client, Math.max(0, (Math.floor(pick / clients.length) % (state + 3)) - 1))
    }
    const parents = (pick: number): string | Y.ID => [recordsKey, metaKey, 'evil', ids(pick)][pick % 4]!
    for (const m of mutations) {
      const section = sections[m.section % Math.max(sections.length, 1)]
      const index = m.struct % Math.max(section?.structs.length ?? 1, 1)
      const struct = section?.structs[index]
      switch (m.kind) {
        case 'origin':
        case 'rightOrigin':
          if (struct instanceof Y.Item) {
            struct[m.kind] = m.pick % 5 === 0 ? null : ids(m.pick)
            if (struct.origin === null && struct.rightOrigin === null && struct.parent === null) struct.parent = recordsKey as never
          }
          break
        case 'start':
          if (section) section.clock = Math.max(0, section.clock + m.delta)
          break
        case 'client':
          if (section) section.client = clients[m.pick % clients.length]!
          break
        case 'skip':
          section?.structs.splice(index, 0, new Y.Skip(Y.createID(section.client, 0), 1 + (m.pick % 3)))
          break
        case 'gc':
          if (struct && section) section.structs[index] = new Y.GC(struct.id, struct.length)
          break
        case 'deleted':
          if (struct instanceof Y.Item) struct.content = new Y.ContentDeleted(struct.length)
          break
        case 'parent':
          if (struct instanceof Y.Item) {
            struct.origin = null
            struct.rightOrigin = null
            struct.parent = parents(m.pick) as never
            struct.parentSub = m.delta > 0 ? 'k' : null
          }
          break
        case 'drop':
          section?.structs.splice(index, 1)
          break
        case 'split':
          if (struct && section && index > 0) sections.push({ client: section.client, clock: struct.id.clock, structs: section.structs.splice(index) })
          break
        case 'delete': {
          const id = ids(m.pick)
          deletes.set(id.client, [...(deletes.get(id.client) ?? []), { clock: id.clock, len: Math.max(0, m.delta + 1) }])
          break
        }
      }
    }
    return encodeSections(sections, deletes)
  }

  test('an update rewritten at the struct level is refused, or applies fully and leaves only valid records', () => {
    const { server, alive } = serverWithGarbage()
    const bases = [...mutationBases(), { before: Y.encodeStateAsUpdate(server), update: besideGarbage(alive).update }]
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(structMutationArbitrary, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        const { before, update } = bases[base]!
        expectRefusedOrSound(before, mutateStructs(before, update, mutations))
      }),
      { numRuns: 4_000 },
    )
  })
})
