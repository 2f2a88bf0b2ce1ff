import * as Y from 'yjs'
import { ProtocolError } from './protocol.ts'

/** What an update would add to a document, read from its structs before it is applied. */
export interface UpdateAuthors {
  /** Yjs client ids under which it adds content the document lacks. */
  authors: Set<number>
  /** It deletes, or may delete, something: a delete set is applied whether or not it changes anything. */
  deletes: boolean
}

/** Parses the whole update (a malformed one cannot half-apply) and names who authored its new content. */
export function updateAuthors(doc: Y.Doc, update: Uint8Array): UpdateAuthors {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    throw new ProtocolError('malformed update')
  }
  const authors = new Set<number>()
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    if (clock + struct.length > Y.getState(doc.store, client)) authors.add(client)
  }
  return { authors, deletes: decoded.ds.clients.size > 0 }
}
