import { atom } from '@tldraw/state'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { facilitationWrites, noFacilitation } from '../facilitation/facilitationState.ts'
import { bindFacilitation } from './facilitationBinding.ts'

test('a browser sees the facilitation change as the server’s updates arrive, and stops when unbound', () => {
  const server = new Y.Doc()
  const browser = new Y.Doc()
  server.on('update', (update: Uint8Array) => Y.applyUpdate(browser, update))
  const $state = atom('facilitation', noFacilitation)
  const binding = bindFacilitation(browser, $state)

  server.transact(() => facilitationWrites.set(server, 'phase', { phase: 'chaotic-exploration', paletteOpen: false }))
  server.transact(() => facilitationWrites.lock(server, ['shape:a'], true))
  expect($state.get()).toMatchObject({ phase: { phase: 'chaotic-exploration' }, lockedShapes: new Set(['shape:a']) })

  binding.dispose()
  server.transact(() => facilitationWrites.set(server, 'boardLocked', true))
  expect($state.get().boardLocked).toBe(false)
})
