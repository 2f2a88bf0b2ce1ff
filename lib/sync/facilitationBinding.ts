import type { Atom } from '@tldraw/state'
import type * as Y from 'yjs'
import { type FacilitationState, readFacilitation } from '../facilitation/facilitationState.ts'
import { facilitationMap, locksMap } from '../ydoc/layout.ts'

/** Keeps `$state` equal to the facilitation the board's doc carries, as the server writes it. */
export function bindFacilitation(doc: Y.Doc, $state: Atom<FacilitationState>): { dispose(): void } {
  const roots = [facilitationMap(doc), locksMap(doc)]
  const refresh = () => $state.set(readFacilitation(doc))
  refresh()
  for (const root of roots) root.observe(refresh)
  return {
    dispose() {
      for (const root of roots) root.unobserve(refresh)
    },
  }
}
