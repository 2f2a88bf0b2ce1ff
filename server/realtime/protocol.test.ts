import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { ProtocolError, decodeClientMessage, encodeSyncStep1, encodeUpdate } from './protocol.ts'

describe('decoding a client message', () => {
  test('a sync step 1 carries the state vector it was sent', () => {
    const doc = new Y.Doc()
    doc.getArray('a').push([1])
    const stateVector = Y.encodeStateVector(doc)
    expect(decodeClientMessage(encodeSyncStep1(stateVector))).toEqual({ type: 'sync-step-1', stateVector })
  })

  test.each([
    ['an empty message', new Uint8Array([])],
    ['an update cut inside its length', encodeUpdate(new Uint8Array(10)).slice(0, 5)],
    ['an unknown message type', new Uint8Array([9])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
  ])('%s is a protocol error', (_, message) => {
    expect(() => decodeClientMessage(message)).toThrow(ProtocolError)
  })
})
