import { atom } from '@tldraw/state'
import { TLINSTANCE_ID, type TLInstancePresence, type TLScribble } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { emptyBoardContent } from '../boardFile/boardContent.ts'
import { contentToRecords } from '../boardFile/contentToRecords.ts'
import { bindPresence, type Participant, peerUserId } from './presenceBinding.ts'
import { createTestStore, mountLikeEditor } from './testStores.ts'

/** Lets the (zero-delay) presence throttle fire. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

function linkAwareness(a: Awareness, b: Awareness): void {
  const forward = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin !== 'link') applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added!, ...updated!, ...removed!]), 'link')
    })
  forward(a, b)
  forward(b, a)
}

function person(participant: Participant) {
  const store = createTestStore()
  mountLikeEditor(store)
  const awareness = new Awareness(new Y.Doc())
  const $participant = atom('participant', participant)
  const binding = bindPresence(store, awareness, $participant, 0)
  const presences = () => store.allRecords().filter((r): r is TLInstancePresence => r.typeName === 'instance_presence')
  return { store, awareness, $participant, binding, presences }
}

describe('presence', () => {
  test('each participant sees the other as a named, coloured collaborator, and not themselves', async () => {
    const alice = person({ id: 'alice', name: 'Alice', color: '#e03131' })
    const bob = person({ id: 'bob', name: 'Bob', color: '#1971c2' })
    linkAwareness(alice.awareness, bob.awareness)
    await settle()
    alice.$participant.set({ id: 'alice', name: 'Alice K.', color: '#e03131' })
    await settle()

    expect(bob.presences().map((p) => [p.userName, p.color])).toEqual([['Alice K.', '#e03131']])
    expect(alice.presences().map((p) => p.userName)).toEqual(['Bob'])
  })

  test('a participant who leaves disappears from the board', async () => {
    const alice = person({ id: 'alice', name: 'Alice', color: '#e03131' })
    const bob = person({ id: 'bob', name: 'Bob', color: '#1971c2' })
    linkAwareness(alice.awareness, bob.awareness)
    await settle()
    expect(alice.presences()).toHaveLength(1)

    bob.binding.dispose()
    expect(alice.presences()).toHaveLength(0)
  })

  test('awareness can carry only presence: a shape smuggled in it never reaches the board', () => {
    const alice = person({ id: 'alice', name: 'Alice', color: '#e03131' })
    const mallory = new Awareness(new Y.Doc())
    linkAwareness(alice.awareness, mallory)
    const before = alice.store.allRecords().length
    mallory.setLocalState({ presence: { id: 'shape:evil', typeName: 'shape', type: 'geo' } })
    mallory.setLocalState({ presence: { id: 'instance_presence:x', typeName: 'instance_presence', userName: 5 } })
    expect(alice.store.allRecords()).toHaveLength(before)
  })

  test('a peer claiming another’s presence or user id shows as itself: nobody takes another’s cursor or place', async () => {
    const alice = person({ id: 'alice', name: 'Alice', color: '#e03131' })
    const bob = person({ id: 'bob', name: 'Bob', color: '#1971c2' })
    linkAwareness(alice.awareness, bob.awareness)
    await settle()
    const [bobSeen] = alice.presences()
    const mallory = new Awareness(new Y.Doc())
    linkAwareness(alice.awareness, mallory)
    mallory.setLocalState({ user: { name: 'Bob', color: '#1971c2' }, presence: { ...bobSeen!, userName: 'Mallory' } })
    await settle()
    const seen = alice.presences()
    expect(seen.map((p) => p.userName).sort()).toEqual(['Bob', 'Mallory'])
    expect(new Set(seen.map((p) => p.userId)).size).toBe(2)
    expect(seen.find((p) => p.userName === 'Bob')).toMatchObject({ id: bobSeen!.id, userId: peerUserId(bob.awareness.clientID) })
  })

  test('publishing presence keeps what else this client shares in its awareness state', async () => {
    const alice = person({ id: 'alice', name: 'Alice', color: '#e03131' })
    alice.awareness.setLocalStateField('followMe', 'session-1')
    alice.$participant.set({ id: 'alice', name: 'Alice K.', color: '#e03131' })
    await settle()
    expect(alice.awareness.getLocalState()).toMatchObject({ followMe: 'session-1', user: { name: 'Alice K.' } })
  })

  describe('what a participant shares', () => {
    /** Alice on a 5,000-sticky board with everything selected, lasering for a minute without a pause. */
    function selectingAndLasering() {
      const alice = person({ id: 'alice', name: 'Alice', color: '#e03131' })
      // Ids as long as tldraw's own (21 characters after `shape:`); selected shapes must exist, or the store drops them.
      const elements = Array.from({ length: 5000 }, (_, i) => ({ id: String(i).padStart(21, 'x'), kind: 'event' as const, text: '', x: i * 10, y: 0 }))
      const stickies = contentToRecords({ ...emptyBoardContent(''), elements }).filter((record) => record.typeName === 'shape')
      alice.store.put(stickies)
      const selected = stickies.map((sticky) => sticky.id)
      const pageState = alice.store.allRecords().find((record) => record.typeName === 'instance_page_state')!
      const laser = (id: string, points: number): TLScribble => ({
        id,
        points: Array.from({ length: points }, (_, i) => ({ x: 1234.5678901234 + i, y: -987.654321012 - i, z: 0.5 })),
        size: 4,
        color: 'laser',
        opacity: 0.7,
        state: 'active',
        delay: 0,
        shrink: 0,
        taper: false,
      })
      alice.store.put([{ ...pageState, selectedShapeIds: selected }])
      alice.store.put([{ ...alice.store.get(TLINSTANCE_ID)!, scribbles: [laser('first', 1800), laser('second', 1800)] }])
      return { alice, selected }
    }
    const shared = (awareness: Awareness) => (awareness.getLocalState() as { presence: TLInstancePresence }).presence

    test('select-all on a 5,000-sticky board shows the others the first 200 selected shapes', async () => {
      const { alice, selected } = selectingAndLasering()
      await settle()
      expect(shared(alice.awareness).selectedShapeIds).toEqual(selected.slice(0, 200))
    })

    test('a long laser stroke shows the others its newest 300 points', async () => {
      const { alice } = selectingAndLasering()
      await settle()
      const scribbles = shared(alice.awareness).scribbles
      expect(scribbles.map((scribble) => [scribble.id, scribble.points.length])).toEqual([['second', 300]])
      expect(scribbles[0]!.points.at(-1)).toEqual({ x: 1234.5678901234 + 1799, y: -987.654321012 - 1799, z: 0.5 })
    })

    test('stays under half the server’s awareness limit (64 KiB) whatever is selected or drawn', async () => {
      const { alice } = selectingAndLasering()
      await settle()
      expect(new TextEncoder().encode(JSON.stringify(alice.awareness.getLocalState())).byteLength).toBeLessThan(32 * 1024)
    })
  })
})
