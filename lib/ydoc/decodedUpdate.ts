import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

export type Struct = Y.Item | Y.GC | Y.Skip

/**
 * A Yjs update read once, before it is applied, for every check that judges
 * it: the server's own (who authored it, is it complete) and the board's
 * (lib/ydoc/updateCheck.ts). Reading is most of what a check costs.
 */
export interface DecodedUpdate {
  /** In the order written: one section per client, each in clock order. */
  structs: Struct[]
  deletes: ReturnType<typeof Y.decodeUpdate>['ds']
  /** How many client sections the encoder announced. */
  sectionCount: number
}

/** Bytes that do not decode as a Yjs update. */
export class MalformedUpdate extends Error {
  constructor() {
    super('malformed update')
  }
}

export function readUpdate(update: Uint8Array): DecodedUpdate {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    return { structs: structs as Struct[], deletes: ds, sectionCount: decoding.readVarUint(decoding.createDecoder(update)) }
  } catch {
    throw new MalformedUpdate()
  }
}
