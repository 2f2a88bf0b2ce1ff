import * as Y from 'yjs'
import type { DecodedUpdate } from '../../lib/ydoc/decodedUpdate.ts'

/** What an update would add to a document, read from its structs before it is applied. */
export interface UpdateAuthors {
  /** Yjs client ids under which it adds content the document lacks. */
  authors: Set<number>
  /** It deletes, or may delete, something: a delete set is applied whether or not it changes anything. */
  deletes: boolean
  /** It builds on content neither the document nor the update has (Yjs would keep it pending). */
  incomplete: boolean
}

/** Names who authored the update's new content, and whether it is complete. */
export function updateAuthors(doc: Y.Doc, decoded: DecodedUpdate): UpdateAuthors {
  const authors = new Set<number>()
  const reaches = new Map<number, number>()
  let incomplete = false
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    const known = reaches.get(client) ?? Y.getState(doc.store, client)
    if (struct instanceof Y.Skip || clock > known) incomplete = true
    if (clock + struct.length > Y.getState(doc.store, client)) authors.add(client)
    reaches.set(client, Math.max(known, clock + struct.length))
  }
  const has = (id: Y.ID | null) => id === null || id.clock < (reaches.get(id.client) ?? Y.getState(doc.store, id.client))
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && !(has(struct.origin) && has(struct.rightOrigin) && (!(struct.parent instanceof Y.ID) || has(struct.parent)))) {
      incomplete = true
    }
  }
  return { authors, deletes: decoded.deletes.clients.size > 0, incomplete }
}
