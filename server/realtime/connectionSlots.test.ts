import { describe, expect, test } from 'vitest'
import { ConnectionSlots } from './connectionSlots.ts'
import { Refusal } from './hooks.ts'

function refusal(take: () => unknown): Refusal | undefined {
  try {
    take()
  } catch (error) {
    if (error instanceof Refusal) return error
    throw error
  }
  return undefined
}

describe('connection slots', () => {
  test('a board full of connections refuses one more with 429, from any address', () => {
    const slots = new ConnectionSlots({ perBoard: 2, perAddress: 10 })
    slots.take('board', '10.0.0.1')
    slots.take('board', '10.0.0.2')
    expect(refusal(() => slots.take('board', '10.0.0.3'))).toMatchObject({ status: 429, message: 'too many connections to this board' })
    expect(refusal(() => slots.take('other-board', '10.0.0.3'))).toBeUndefined()
  })

  test('an address with its share of connections is refused one more with 429, on any board', () => {
    const slots = new ConnectionSlots({ perBoard: 10, perAddress: 2 })
    slots.take('a', '10.0.0.1')
    slots.take('b', '10.0.0.1')
    expect(refusal(() => slots.take('c', '10.0.0.1'))).toMatchObject({ status: 429, message: 'too many connections from this address' })
    expect(refusal(() => slots.take('c', '10.0.0.2'))).toBeUndefined()
  })

  test('a refused connection takes no slot, and a released one frees its slot for the next', () => {
    const slots = new ConnectionSlots({ perBoard: 1, perAddress: 1 })
    const release = slots.take('board', '10.0.0.1')
    for (let i = 0; i < 100; i++) refusal(() => slots.take('board', '10.0.0.2'))
    release()
    expect(refusal(() => slots.take('board', '10.0.0.2'))).toBeUndefined()
  })
})
