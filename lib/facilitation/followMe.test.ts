import { describe, expect, test } from 'vitest'
import { leaderOf } from './followMe.ts'

const states = (...entries: [number, unknown][]) => new Map(entries)

describe('follow me', () => {
  test('everyone follows the facilitator who asked, by the state the server stamped', () => {
    expect(leaderOf(states([1, { role: 'participant', user: { name: 'Pat' } }], [2, { role: 'facilitator', user: { name: 'Fay' }, followMe: 's1' }]), 1)).toEqual({
      clientId: 2,
      name: 'Fay',
      session: 's1',
    })
  })

  test('a participant or viewer claiming to lead is not followed', () => {
    expect(leaderOf(states([2, { role: 'participant', user: { name: 'Mallory' }, followMe: 's1' }], [3, { role: 'viewer', followMe: 's2' }]), 1)).toBeNull()
  })

  test('a facilitator who did not ask, or asks with nonsense, is not followed; nor are you yourself', () => {
    expect(leaderOf(states([2, { role: 'facilitator', user: { name: 'Fay' } }], [3, { role: 'facilitator', followMe: 7 }], [1, { role: 'facilitator', followMe: 's' }]), 1)).toBeNull()
  })

  test('two facilitators leading at once: everyone follows the same one', () => {
    const both = states([9, { role: 'facilitator', followMe: 'b' }], [4, { role: 'facilitator', followMe: 'a' }])
    expect(leaderOf(both, 1)?.clientId).toBe(4)
    expect(leaderOf(both, 7)?.clientId).toBe(4)
  })
})
