'use client'

import type { Signal } from '@tldraw/state'
import { useEffect, useRef, useState } from 'react'
import { type TLRecord, type TLStoreWithStatus, atom, createTLStore, defaultBindingUtils } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { type FacilitationState, noFacilitation } from '@/lib/facilitation/facilitationState'
import { type ConnectionStatus, connectionStatus, restartsAfterClose } from '@/lib/sync/connectionStatus'
import { bindFacilitation } from '@/lib/sync/facilitationBinding'
import { bindPresence, type Participant } from '@/lib/sync/presenceBinding'
import { bindStoreToDoc } from '@/lib/sync/storeBinding'
import { storeShapeUtils } from './shapes'
import type { BoardConnection } from './useBoardConnection'

export interface BoardSync {
  store: TLStoreWithStatus
  connection: ConnectionStatus
  /** Who is on the board; set once connecting starts. */
  awareness: Awareness | undefined
  /** What the facilitators decided for everyone (phase, timer, locks, vote), as the board carries it. */
  $facilitation: Signal<FacilitationState>
  /** When the server last refused a change of this person's and the board started again from its state. */
  undoneAt: number | undefined
}

/**
 * Shows one board's connection (useBoardConnection) in tldraw: a store bound
 * to its Y.Doc once the first sync is done, and presence. Everything is torn
 * down when the connection changes or the page goes away; when the server
 * refused a change (see restartsAfterClose), the connection is started again
 * and the view stays where the person was looking.
 */
export function useBoardSync(boardConnection: BoardConnection | undefined, restart: () => void, $participant: Signal<Participant>): BoardSync {
  const [store, setStore] = useState<TLStoreWithStatus>({ status: 'loading' })
  const [connection, setConnection] = useState<ConnectionStatus>('connecting')
  const [awareness, setAwareness] = useState<Awareness>()
  const [$facilitation] = useState(() => atom('facilitation', noFacilitation))
  const [undoneAt, setUndoneAt] = useState<number>()
  const restarts = useRef<number[]>([])
  const cameras = useRef<TLRecord[]>([])

  useEffect(() => {
    if (!boardConnection) return
    const { doc, provider } = boardConnection
    setAwareness(provider.awareness)
    const $online = atom<'online' | 'offline'>('connection', 'offline')
    const tlStore = createTLStore({
      shapeUtils: storeShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { status: $online },
    })
    const disposers: (() => void)[] = []
    const facilitation = bindFacilitation(doc, $facilitation)

    let wasConnected = false
    let downSince = Date.now()
    let closedWith: number | undefined
    const refresh = () => {
      const connected = provider.wsconnected && provider.synced
      if (connected) {
        wasConnected = true
        downSince = 0
      } else if (!downSince) downSince = Date.now()
      $online.set(connected ? 'online' : 'offline')
      setConnection(
        connectionStatus({ connected, wasConnected, browserOnline: navigator.onLine, downForMs: downSince ? Date.now() - downSince : 0, closedWith }),
      )
    }
    const ticker = setInterval(refresh, 1000)

    const onSync = (synced: boolean) => {
      refresh()
      if (!synced || disposers.length > 0) return
      try {
        disposers.push(bindStoreToDoc(tlStore, doc).dispose)
        // Session records, never synced: the view of a board started again stays where it was.
        tlStore.put(cameras.current)
        cameras.current = []
        disposers.push(bindPresence(tlStore, provider.awareness, $participant).dispose)
        setStore({ status: 'synced-remote', connectionStatus: 'online', store: tlStore })
      } catch (error) {
        setStore({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) })
        provider.disconnect()
      }
    }
    // The server closed for good (link replaced, change refused): y-websocket stops reconnecting; start again or say why.
    const onClosed = ({ code }: { code: number }) => {
      const now = Date.now()
      if (restartsAfterClose(code, now, restarts.current)) {
        restarts.current = [...restarts.current.filter((at) => now - at < 60_000), now]
        cameras.current = tlStore.allRecords().filter((record) => record.typeName === 'camera')
        setUndoneAt(now)
        restart()
        return
      }
      closedWith = code
      refresh()
    }
    provider.on('sync', onSync)
    provider.on('status', refresh)
    provider.on('closed', onClosed)
    window.addEventListener('online', refresh)
    window.addEventListener('offline', refresh)
    // The connection opened before this editor did: it may be synced, or closed, already.
    if (boardConnection.closed) onClosed(boardConnection.closed)
    else if (provider.synced) onSync(true)
    else refresh()

    return () => {
      clearInterval(ticker)
      window.removeEventListener('online', refresh)
      window.removeEventListener('offline', refresh)
      provider.off('sync', onSync)
      provider.off('status', refresh)
      provider.off('closed', onClosed)
      for (const dispose of disposers.reverse()) dispose()
      facilitation.dispose()
      $facilitation.set(noFacilitation)
      tlStore.dispose()
      setStore({ status: 'loading' })
      setAwareness(undefined)
    }
  }, [boardConnection, restart, $participant, $facilitation])

  return { store, connection, awareness, $facilitation, undoneAt }
}
