import { describe, expect, test } from 'vitest'
import { uniqueAcross } from './names.ts'

describe('names unique across contexts', () => {
  test('a name only one context uses stays as written, a shared one takes each context’s prefix', () => {
    const names = uniqueAcross([
      { prefix: 'Orders', names: ['OrderPlaced', 'OrderPaid'] },
      { prefix: 'Returns', names: ['orderplaced', 'ReturnReceived'] },
    ])
    expect(names).toEqual([
      ['OrdersOrderPlaced', 'OrderPaid'],
      ['Returnsorderplaced', 'ReturnReceived'],
    ])
  })

  test('what still collides after prefixing, or is already taken, gets a number', () => {
    const names = uniqueAcross(
      [
        { prefix: 'A', names: ['B', 'B'] },
        { prefix: 'AB', names: ['X'] },
        { prefix: 'C', names: ['B'] },
      ],
      new Set(['x']),
    )
    expect(names).toEqual([['AB', 'AB2'], ['X2'], ['CB']])
  })
})
