import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A participant as the browser runs it: a Y.Doc synced by the real y-websocket client. */
export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The shared map tests write to. */
  items: Y.Map<unknown>
  destroy(): void
}

export function connectClient(port: number, boardId: string, options: { maxBackoffTime?: number } = {}): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime ?? 200,
  })
  return {
    doc,
    provider,
    items: doc.getMap('items'),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function whenSynced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  return waitFor(() => client.provider.synced, timeoutMs, 'client sync')
}

/** Polls until the condition holds; rejects with the label after the timeout. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000, label = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Opens a raw websocket and reports the HTTP status the upgrade was refused with (or 101 if accepted). */
export async function upgradeStatus(port: number, path: string): Promise<number> {
  return (await upgradeAnswer(port, path)).status
}

/** The answer to a websocket upgrade (101 when it opens), sent as a page of `origin` would send it. */
export function upgradeAnswer(port: number, path: string, origin?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { origin })
    socket.on('open', () => {
      socket.close()
      resolve({ status: 101, body: '' })
    })
    socket.on('unexpected-response', (_request, response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body })
        socket.terminate()
      })
    })
    socket.on('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error)
    })
  })
}
