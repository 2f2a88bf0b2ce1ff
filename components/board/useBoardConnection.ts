'use client'

import { useCallback, useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { connectBoard } from '@/lib/sync/boardProvider'
import type { OpenBoard } from './useBoardAccess'

/** A board's Y.Doc and the websocket that syncs it with the server. */
export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  /** How the server closed it for good (y-websocket's `closed`), kept for an editor that starts listening later. */
  closed?: { code: number }
}

function realtimeUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
}

/**
 * Connects to a board as soon as its link is accepted, while the editor's
 * code still loads: a big board's state is on its way by the time tldraw can
 * take it. Nothing while `board` is undefined (the replay holds the page);
 * `restart` replaces the connection with a fresh one from the server's state.
 */
export function useBoardConnection(board: OpenBoard | undefined): { connection: BoardConnection | undefined; restart(): void } {
  const [connection, setConnection] = useState<BoardConnection>()
  const [generation, setGeneration] = useState(0)
  const restart = useCallback(() => setGeneration((count) => count + 1), [])
  const boardId = board?.id
  const token = board?.token

  useEffect(() => {
    if (!boardId || !token) return
    const doc = new Y.Doc()
    const provider = connectBoard(realtimeUrl(), boardId, doc, token)
    const connection: BoardConnection = { doc, provider }
    provider.on('closed', ({ code }) => (connection.closed = { code }))
    setConnection(connection)
    return () => {
      setConnection(undefined)
      provider.destroy()
      doc.destroy()
    }
  }, [boardId, token, generation])

  return { connection, restart }
}
