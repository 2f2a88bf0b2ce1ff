import type { TLShape } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { facilitationWrites } from '../facilitation/facilitationState.ts'
import { boardRecords, row, sticky } from '../model/testing.ts'
import { recordsToDoc } from './convert.ts'
import { clientOf, entry, hostileUpdate, stickyShape, updateFrom } from './hostileUpdates.ts'
import { facilitationMap, locksMap, readRecords, recordArray } from './layout.ts'
import { RefusedUpdate, type UpdateWriter, checkUpdate } from './updateCheck.ts'

const limits = { maxRecords: 1_000 }
const participant: UpdateWriter = { bypassesLocks: false }
const facilitator: UpdateWriter = { bypassesLocks: true }

const lockedId = 'shape:order-placed'
const freeId = 'shape:place-order'

/** The server's board: a command and an event, the event locked by a facilitator. */
function lockedBoard({ wholeBoard = false } = {}) {
  const server = recordsToDoc(boardRecords({ elements: row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')) }))
  server.transact(() => {
    facilitationWrites.lock(server, [lockedId], true)
    if (wholeBoard) facilitationWrites.set(server, 'boardLocked', true)
  })
  return server
}

const shapeIn = (doc: Y.Doc, id: string) => readRecords(doc).find((record) => record.id === id) as TLShape

/** A browser moving a sticky: YKeyValue drops the key's entry and pushes the new one. */
function moveUpdate(server: Y.Doc, id: string): Uint8Array {
  const client = clientOf(server)
  const records = new YKeyValue<TLShape>(recordArray(client) as unknown as Y.Array<{ key: string; val: TLShape }>)
  return updateFrom(client, () => records.set(id, { ...shapeIn(server, id), x: 999 }))
}

function refusal(server: Y.Doc, update: Uint8Array, writer: UpdateWriter): string | undefined {
  try {
    checkUpdate(server, update, limits, writer)
    return undefined
  } catch (error) {
    if (error instanceof RefusedUpdate) return error.message
    throw error
  }
}

describe('a locked element', () => {
  test('a participant moving it is refused; a facilitator moving it is accepted', () => {
    const server = lockedBoard()
    const move = moveUpdate(server, lockedId)
    expect(refusal(server, move, participant)).toBe('shape:order-placed is locked: only facilitators change it')
    expect(refusal(server, move, facilitator)).toBeUndefined()
  })

  test('a participant still moves the elements nobody locked', () => {
    const server = lockedBoard()
    expect(refusal(server, moveUpdate(server, freeId), participant)).toBeUndefined()
  })

  test('a participant deleting it is refused', () => {
    const server = lockedBoard()
    const client = clientOf(server)
    const records = new YKeyValue(recordArray(client))
    expect(refusal(server, updateFrom(client, () => records.delete(lockedId)), participant)).toMatch(/is locked/)
  })

  test('a participant adding a second entry of its key, instead of replacing the first, is refused', () => {
    const server = lockedBoard()
    const update = hostileUpdate(server, (c) => recordArray(c).insert(0, [entry({ ...shapeIn(server, lockedId), x: 5 })]))
    expect(refusal(server, update, participant)).toMatch(/is locked/)
  })

  test('a participant’s YKeyValue removing the stale copy left by two facilitators moving it at once is accepted', () => {
    const server = lockedBoard()
    const [first, second] = [moveUpdate(server, lockedId), moveUpdate(server, lockedId)]
    for (const update of [first, second]) Y.applyUpdate(server, update)
    expect(recordArray(server).toArray().filter((e) => e.key === lockedId)).toHaveLength(2)
    const pat = clientOf(server)
    const cleanup = updateFrom(pat, () => new YKeyValue(recordArray(pat)))
    expect(checkUpdate(server, cleanup, limits, participant).deletedRecords).toBe(1)
  })

  test('deleting both copies of a locked element at once is refused', () => {
    const server = lockedBoard()
    for (const update of [moveUpdate(server, lockedId), moveUpdate(server, lockedId)]) Y.applyUpdate(server, update)
    const update = hostileUpdate(server, (c) => {
      const entries = recordArray(c).toArray()
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === lockedId) recordArray(c).delete(i)
    })
    expect(refusal(server, update, participant)).toMatch(/is locked/)
  })
})

describe('a locked board', () => {
  test('a participant changing, adding or deleting anything is refused; a facilitator is not held back', () => {
    const server = lockedBoard({ wholeBoard: true })
    const add = hostileUpdate(server, (c) => recordArray(c).push([entry(stickyShape('late'))]))
    for (const update of [moveUpdate(server, freeId), add]) {
      expect(refusal(server, update, participant)).toBe('the board is locked: only facilitators change it now')
      expect(refusal(server, update, facilitator)).toBeUndefined()
    }
  })
})

describe('locks and the facilitation state are the server’s', () => {
  test.each([
    ['unlocking an element', (c: Y.Doc) => locksMap(c).delete(lockedId), /locks is written by the server only/],
    ['locking an element', (c: Y.Doc) => locksMap(c).set(freeId, true), /locks is written by the server only/],
    ['unlocking the board', (c: Y.Doc) => facilitationMap(c).set('boardLocked', false), /facilitation is written by the server only/],
    ['changing the phase', (c: Y.Doc) => facilitationMap(c).set('phase', { phase: 'design-level', paletteOpen: true }), /facilitation is written by the server only/],
  ])('%s through the websocket is refused, a facilitator’s too', (_name, attack, reason) => {
    const server = lockedBoard({ wholeBoard: true })
    const update = hostileUpdate(server, attack)
    expect(refusal(server, update, participant)).toMatch(reason)
    expect(refusal(server, update, facilitator)).toMatch(reason)
  })

  test('a client that never synced cannot write the roots either', () => {
    const forger = new Y.Doc()
    locksMap(forger).set(freeId, true)
    expect(refusal(lockedBoard(), Y.encodeStateAsUpdate(forger), facilitator)).toMatch(/locks is written by the server only/)
  })
})
