import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { emptyBoardContent } from '../../lib/boardFile/boardContent.ts'
import { contentToRecords } from '../../lib/boardFile/contentToRecords.ts'
import { boardRecords } from '../../lib/sync/storeBinding.ts'
import { readRecords } from '../../lib/ydoc/layout.ts'

/**
 * A participant as the browser runs it: a Y.Doc synced by the real
 * y-websocket client, with the board's records in the browser's own
 * YKeyValue, and a view of its stickies by key for tests to write and read.
 */
export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  records: YKeyValue<TLRecord>
  stickies: StickyView
  destroy(): void
}

/** Event stickies by key (the shape id without `shape:`), as text: what tests place, change and look for. */
export interface StickyView {
  set(key: string, text: string): void
  get(key: string): string | undefined
  has(key: string): boolean
  delete(key: string): void
  keys(): string[]
  readonly size: number
  toJSON(): Record<string, string>
}

/** `token` goes where a browser puts it: in the query string, through y-websocket's `params`. */
export function connectClient(port: number, boardId: string, options: { token?: string; maxBackoffTime?: number } = {}): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime ?? 200,
    params: options.token ? { token: options.token } : {},
  })
  const records = boardRecords(doc)
  return {
    doc,
    provider,
    records,
    stickies: stickyView(records),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

const template = contentToRecords({ ...emptyBoardContent(''), elements: [{ id: 'template', kind: 'event', text: '', x: 0, y: 0 }] }).find(
  (record): record is TLShape => record.typeName === 'shape',
)!

/** A valid event sticky, as the board's palette would place it. */
export function stickyRecord(key: string, text: string): TLShape {
  return { ...template, id: `shape:${key}` as TLShape['id'], props: { ...template.props, text } } as TLShape
}

function stickyView(records: YKeyValue<TLRecord>): StickyView {
  const text = (record: TLRecord | undefined) => (record?.typeName === 'shape' && 'text' in record.props ? String(record.props.text) : undefined)
  const keys = () => [...records.map.keys()].filter((id) => id.startsWith('shape:') && text(records.get(id)) !== undefined).map((id) => id.slice(6))
  return {
    set: (key, value) => records.set(`shape:${key}`, stickyRecord(key, value)),
    get: (key) => text(records.get(`shape:${key}`)),
    has: (key) => records.has(`shape:${key}`),
    delete: (key) => records.delete(`shape:${key}`),
    keys,
    get size() {
      return keys().length
    },
    toJSON: () => Object.fromEntries(keys().map((key) => [key, text(records.get(`shape:${key}`))!])),
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
export async function upgradeStatus(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return (await upgradeAnswer(port, path, undefined, headers)).status
}

/** The answer to a websocket upgrade (101 when it opens), sent as a page of `origin` would send it. */
export async function upgradeAnswer(port: number, path: string, origin?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { socket, ...answer } = await openSocket(port, path, { origin, headers })
  socket?.close()
  return answer
}

/**
 * Opens a websocket that sends only what the test makes it send, as an
 * attacker's script would. `localAddress` picks where it comes from: on
 * Linux every 127.x.y.z reaches a server on 127.0.0.1. Resolves with the
 * open socket, or with the HTTP status and body its upgrade was refused with.
 */
export function openSocket(port: number, path: string, options: WebSocket.ClientOptions = {}): Promise<{ status: number; body: string; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, options)
    socket.on('open', () => resolve({ status: 101, body: '', socket }))
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

/** How the server closed a websocket. */
export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** A sticky's text as a document holds it (the server's, read without observing it). */
export function stickyIn(doc: Y.Doc, key: string): string | undefined {
  const record = readRecords(doc).find((r) => r.id === `shape:${key}`)
  return record?.typeName === 'shape' && 'text' in record.props ? String(record.props.text) : undefined
}
