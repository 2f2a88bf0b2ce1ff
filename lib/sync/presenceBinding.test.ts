import { atom } from '@tldraw/state'
import type { TLInstancePresence } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, type Participant } from './presenceBinding.ts'
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
})
