/**
 * What instances tell each other about one board, one Redis pub/sub message each:
 *
 *   message = varString(from) varUint(type) body
 *   type 0 update       = varUint(seq) varUint8Array(Yjs update `from` accepted, already checked there; seq counts them per board)
 *   type 1 awareness    = varUint8Array(awareness update of `from`'s clients)
 *   type 2 sync step 1  = varString(to, '' for everyone) varUint(answerBack) varUint8Array(state vector)
 *                         answer with sync step 2; with answerBack, also with a sync step 1 of your own
 *                         and your awareness states (an instance that just opened the board, or came back)
 *   type 3 sync step 2  = varString(to) varUint(seq: updates `from` published so far) varUint8Array(update: what `to` lacks)
 *   type 4 stored       = varUint(upTo): `from` wrote its updates up to that seq to the database
 *   type 5 revoked      = varString(role): that role's links were replaced; close its connections
 *
 * `from` is the sender's instance id: an instance ignores its own messages.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type PeerMessage =
  | { from: string; type: 'update'; seq: number; update: Uint8Array }
  | { from: string; type: 'awareness'; update: Uint8Array }
  | { from: string; type: 'sync-step-1'; to: string; answerBack: boolean; stateVector: Uint8Array }
  | { from: string; type: 'sync-step-2'; to: string; seq: number; update: Uint8Array }
  | { from: string; type: 'stored'; upTo: number }
  | { from: string; type: 'revoked'; role: string }

const types = ['update', 'awareness', 'sync-step-1', 'sync-step-2', 'stored', 'revoked'] as const

export function encodePeerMessage(message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, message.from)
  encoding.writeVarUint(encoder, types.indexOf(message.type))
  switch (message.type) {
    case 'update':
      encoding.writeVarUint(encoder, message.seq)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'stored':
      encoding.writeVarUint(encoder, message.upTo)
      break
    case 'revoked':
      encoding.writeVarString(encoder, message.role)
      break
    case 'sync-step-1':
      encoding.writeVarString(encoder, message.to)
      encoding.writeVarUint(encoder, message.answerBack ? 1 : 0)
      encoding.writeVarUint8Array(encoder, message.stateVector)
      break
    case 'sync-step-2':
      encoding.writeVarString(encoder, message.to)
      encoding.writeVarUint(encoder, message.seq)
      encoding.writeVarUint8Array(encoder, message.update)
      break
  }
  return encoding.toUint8Array(encoder)
}

/** Throws on a message that does not follow the format (a peer of another version, or not a peer at all). */
export function decodePeerMessage(data: Uint8Array): PeerMessage {
  const decoder = decoding.createDecoder(data)
  const from = decoding.readVarString(decoder)
  const type = types[decoding.readVarUint(decoder)]
  let message: PeerMessage
  switch (type) {
    case 'update':
      message = { from, type, seq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) }
      break
    case 'awareness':
      message = { from, type, update: decoding.readVarUint8Array(decoder) }
      break
    case 'stored':
      message = { from, type, upTo: decoding.readVarUint(decoder) }
      break
    case 'revoked':
      message = { from, type, role: decoding.readVarString(decoder) }
      break
    case 'sync-step-1':
      message = { from, type, to: decoding.readVarString(decoder), answerBack: decoding.readVarUint(decoder) === 1, stateVector: decoding.readVarUint8Array(decoder) }
      break
    case 'sync-step-2':
      message = { from, type, to: decoding.readVarString(decoder), seq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) }
      break
    default:
      throw new Error('unknown peer message type')
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in a peer message')
  return message
}
