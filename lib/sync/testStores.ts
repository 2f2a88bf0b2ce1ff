import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import type { TLStore, TLStoreProps } from '@tldraw/tlschema'
import { createBoardSchema } from '../board/boardSchema.ts'
import * as Y from 'yjs'

/** A tldraw store as the editor creates it, without React or a DOM (importing `tldraw` needs both). */
export function createTestStore(): TLStore {
  const props = {
    defaultName: '',
    assets: { upload: async () => ({ src: '' }), resolve: async () => null, remove: async () => {} },
    users: { currentUser: atom('user', null), resolve: () => atom('user', null) },
    onMount: () => {},
  } as unknown as TLStoreProps
  return new Store({ schema: createBoardSchema(), props }) as TLStore
}

/** Two docs that exchange every update, as two browsers on one board do through the server. */
export function linkDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'link')
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'link')
  a.on('update', (update, origin) => origin !== 'link' && Y.applyUpdate(b, update, 'link'))
  b.on('update', (update, origin) => origin !== 'link' && Y.applyUpdate(a, update, 'link'))
}

/** What the editor does when it mounts: adds the document, page, camera and instance records a usable board needs. */
export function mountLikeEditor(store: TLStore): void {
  ;(store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable()
}
