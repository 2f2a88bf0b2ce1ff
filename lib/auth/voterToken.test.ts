import { describe, expect, test } from 'vitest'
import { newVoter, signVoter, verifyVoter, voterKeyFrom, voterOfRequest } from './voterToken.ts'

const key = voterKeyFrom(Buffer.alloc(32, 7))
const board = 'b1234567890abcdef'

describe('voter tokens', () => {
  test('a voter token the server signed proves the same voter on the same board', () => {
    const voter = newVoter(board)
    expect(verifyVoter(key, board, signVoter(key, voter))).toEqual(voter)
  })

  test('a forged, altered, another board’s or another key’s token proves nobody', () => {
    const token = signVoter(key, newVoter(board))
    const [v, b, id, mac] = token.split('.') as [string, string, string, string]
    const otherVoter = newVoter(board).voterId
    expect(verifyVoter(key, board, [v, b, otherVoter, mac].join('.'))).toBeNull()
    expect(verifyVoter(key, board, `${token}x`)).toBeNull()
    expect(verifyVoter(key, 'another-board-id', token)).toBeNull()
    expect(verifyVoter(voterKeyFrom(Buffer.alloc(32, 8)), board, token)).toBeNull()
    expect(verifyVoter(key, board, [v, b, id].join('.'))).toBeNull()
    expect(verifyVoter(key, board, 'x'.repeat(5000))).toBeNull()
  })

  test('a request with no token, or one that proves nothing, makes a new voter; a valid one keeps its voter', () => {
    const first = voterOfRequest(key, board, null)
    expect(voterOfRequest(key, board, first.token)).toEqual(first)
    expect(voterOfRequest(key, board, 'forged').voter.voterId).not.toBe(first.voter.voterId)
    expect(voterOfRequest(key, board, null).voter.voterId).not.toBe(first.voter.voterId)
  })
})
