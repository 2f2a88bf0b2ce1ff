import { describe, expect, test } from 'vitest'
import { type PeerMessage, decodePeerMessage, encodePeerMessage } from './peerMessages.ts'

describe('messages between instances', () => {
  const bytes = new Uint8Array([1, 2, 3])
  const messages: PeerMessage[] = [
    { from: 'a', type: 'update', seq: 7, update: bytes },
    { from: 'a', type: 'awareness', update: bytes },
    { from: 'a', type: 'sync-step-1', to: '', answerBack: true, stateVector: bytes },
    { from: 'a', type: 'sync-step-1', to: 'b', answerBack: false, stateVector: bytes },
    { from: 'a', type: 'sync-step-2', to: 'b', seq: 3, update: bytes },
    { from: 'a', type: 'stored', upTo: 12 },
    { from: 'a', type: 'revoked', role: 'participant' },
  ]

  test.each(messages)('a $type message reads back as it was sent', (message) => {
    expect(decodePeerMessage(encodePeerMessage(message))).toEqual(message)
  })

  test('anything else is refused, not half read', () => {
    const valid = encodePeerMessage({ from: 'a', type: 'stored', upTo: 1 })
    expect(() => decodePeerMessage(new Uint8Array([1, 97, 9]))).toThrow(/unknown peer message type/)
    expect(() => decodePeerMessage(new Uint8Array([...valid, 0]))).toThrow(/trailing bytes/)
    expect(() => decodePeerMessage(valid.slice(0, 2))).toThrow()
  })
})
