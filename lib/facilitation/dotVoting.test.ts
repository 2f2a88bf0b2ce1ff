import { describe, expect, test } from 'vitest'
import { ballotOf, freeSlot, openRound, revealRound } from './dotVoting.ts'

const round = openRound('round-1', 3, ['shape:a', 'shape:b', 'shape:c', 'shape:a'])
const dots = [
  { voter: 'ann', shapeId: 'shape:b' },
  { voter: 'ann', shapeId: 'shape:b' },
  { voter: 'ann', shapeId: 'shape:c' },
  { voter: 'bob', shapeId: 'shape:c' },
  { voter: 'bob', shapeId: 'shape:b' },
  { voter: 'cy', shapeId: 'shape:gone' },
]

describe('dot voting', () => {
  test('an open round says what is voted on and how many votes each person has, and nothing of the votes', () => {
    expect(round).toEqual({ id: 'round-1', status: 'open', votesPerPerson: 3, candidates: ['shape:a', 'shape:b', 'shape:c'] })
  })

  test('each person sees only their own votes, and how many they have left', () => {
    expect(ballotOf(round, 'ann', dots)).toEqual({ round: 'round-1', votes: { 'shape:b': 2, 'shape:c': 1 }, left: 0 })
    expect(ballotOf(round, 'bob', dots)).toEqual({ round: 'round-1', votes: { 'shape:c': 1, 'shape:b': 1 }, left: 1 })
    expect(ballotOf(round, 'dee', dots)).toEqual({ round: 'round-1', votes: {}, left: 3 })
  })

  test('revealed results list every candidate, most votes first, ties in the candidates’ order, and count the voters', () => {
    const revealed = revealRound(round, dots)
    expect(revealed).toMatchObject({ status: 'revealed', voters: 3 })
    expect(revealed.status === 'revealed' && revealed.results).toEqual([
      { shapeId: 'shape:b', votes: 3 },
      { shapeId: 'shape:c', votes: 2 },
      { shapeId: 'shape:a', votes: 0 },
    ])
  })

  test('a person’s next vote takes their lowest free place, and none is left past their allowance', () => {
    expect(freeSlot([], 3)).toBe(0)
    expect(freeSlot([0, 2], 3)).toBe(1)
    expect(freeSlot([1, 0, 2], 3)).toBeNull()
  })
})
