import * as decoding from 'lib0/decoding'
import { ProtocolError } from './protocol.ts'

/**
 * The client ids an awareness update speaks for. Its format (y-protocols):
 * varUint(count), then per client varUint(clientId) varUint(clock) varString(JSON state).
 * The state must be JSON (null removes the client).
 */
export function readAwarenessClients(update: Uint8Array): number[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const clients: number[] = []
    for (let i = 0; i < count; i++) {
      clients.push(decoding.readVarUint(decoder))
      decoding.readVarUint(decoder)
      JSON.parse(decoding.readVarString(decoder))
    }
    return clients
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
}
