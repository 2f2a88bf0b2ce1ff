import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { signCapability, verifyCapability } from './capabilityToken.ts'
import { roles } from './roles.ts'

const key = randomBytes(32)
const capability = { boardId: 'Board1234567', role: 'participant', generation: 3 } as const

describe('a capability token', () => {
  test('proves the board, role and generation it was signed for', () => {
    expect(verifyCapability(key, signCapability(key, capability))).toEqual(capability)
  })

  test('signed with another secret proves nothing', () => {
    expect(verifyCapability(randomBytes(32), signCapability(key, capability))).toBeNull()
  })

  test('with any claim changed proves nothing: a participant cannot make itself facilitator', () => {
    const [v, board, , generation, mac] = signCapability(key, capability).split('.')
    expect(verifyCapability(key, [v, board, 'facilitator', generation, mac].join('.'))).toBeNull()
    expect(verifyCapability(key, [v, 'OtherBoard99', 'participant', generation, mac].join('.'))).toBeNull()
    expect(verifyCapability(key, [v, board, 'participant', '4', mac].join('.'))).toBeNull()
    expect(verifyCapability(key, [v, board, 'participant', '03', mac].join('.'))).toBeNull()
  })

  test('garbage, truncation and every single-character change are refused, never thrown on', () => {
    const token = signCapability(key, capability)
    for (const bad of ['', '.', 'v1....', token.slice(0, -1), `${token}A`, `${token}.x`, 'x'.repeat(10_000), token.replace('v1', 'v2')]) {
      expect(verifyCapability(key, bad)).toBeNull()
    }
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), (at, char) => {
        const changed = token.slice(0, at) + char + token.slice(at + 1)
        expect(verifyCapability(key, changed)).toEqual(changed === token ? capability : null)
      }),
    )
  })

  test('every role and generation round-trips', () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.nat(999_999_999), (role, generation) => {
        const claims = { boardId: 'abcdefABCDEF12', role, generation }
        expect(verifyCapability(key, signCapability(key, claims))).toEqual(claims)
      }),
    )
  })
})
