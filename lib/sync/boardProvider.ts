import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

/**
 * A y-websocket provider for a board's doc, given the link's token (in the
 * query string, y-websocket's `params`; the server never logs URLs). No
 * BroadcastChannel: every edit goes through the server, which checks it.
 *
 * Until its first sync the provider does not listen to the doc: nothing on
 * this side writes to it before then (the editor binds once synced), and what
 * the server sends is never sent back, yet Yjs encodes every applied update
 * again for any update listener: the whole board (1.4 MB for 5,000 stickies)
 * on the way in. After the first sync it listens as usual, reconnects included.
 */
export function connectBoard(
  serverUrl: string,
  boardId: string,
  doc: Y.Doc,
  token: string,
  options: { WebSocketPolyfill?: typeof WebSocket; maxBackoffTime?: number } = {},
): WebsocketProvider {
  const provider = new WebsocketProvider(serverUrl, boardId, doc, { disableBc: true, maxBackoffTime: 5000, ...options, params: { token } })
  doc.off('update', provider._updateHandler)
  const listen = (synced: boolean) => {
    if (!synced) return
    provider.off('sync', listen)
    doc.on('update', provider._updateHandler)
  }
  provider.on('sync', listen)
  return provider
}
