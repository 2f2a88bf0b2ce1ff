/**
 * The y-websocket wire format, one binary websocket message each:
 *
 *   message        = varUint(type) payload
 *   type 0 sync    = varUint(step) varUint8Array(data)
 *                    step 0 sync step 1: data is a state vector ("what I have")
 *                    step 1 sync step 2: data is an update ("what you lack")
 *                    step 2 update:      data is an update made since
 *   type 1 awareness = varUint8Array(awareness update)
 *   type 3 query awareness (no payload): answer with every awareness state
 *
 * A connection opens with each side sending sync step 1 and answering the
 * other's with sync step 2; the server also sends the awareness states it
 * holds. Type 2 (auth) is only ever sent by the server. Decoding checks the
 * shape and nothing else: what a connection may do is the document's concern.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

export const syncStep1 = 0
export const syncStep2 = 1
export const syncUpdate = 2

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

/** A message that does not follow the wire format; the connection is closed. */
export class ProtocolError extends Error {}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case messageSync:
        return decodeSync(decoder)
      case messageAwareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case messageQueryAwareness:
        return { type: 'query-awareness' }
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('truncated message')
  }
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder)
  const data = decoding.readVarUint8Array(decoder)
  switch (step) {
    case syncStep1:
      return { type: 'sync-step-1', stateVector: data }
    case syncStep2:
      return { type: 'sync-step-2', update: data }
    case syncUpdate:
      return { type: 'update', update: data }
    default:
      throw new ProtocolError(`unknown sync step ${step}`)
  }
}

function encodeSync(step: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, data)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(syncStep1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(syncStep2, update)
export const encodeUpdate = (update: Uint8Array) => encodeSync(syncUpdate, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageAwareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Tells a client its updates will not be applied (y-websocket's "permission denied" auth message). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageAuth)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}
