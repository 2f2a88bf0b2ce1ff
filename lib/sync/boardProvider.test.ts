import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { RunningServer } from '../../server/app.ts'
import { connectClient, stickyIn, stickyRecord, waitFor, whenSynced } from '../../server/testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../../server/testing/servers.ts'
import { boardRecords } from './storeBinding.ts'
import { connectBoard } from './boardProvider.ts'

describe('a browser’s connection to a board', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite' })
  })
  afterAll(async () => {
    await server?.close()
  })

  test('takes the board without listening to it, then sends every edit made after the sync, reconnects included', async () => {
    const boardId = await createTestBoard(server)
    const alice = connectClient(server.port, boardId, { token: testToken(boardId) })
    await whenSynced(alice)
    alice.stickies.set('placed', 'Order Placed')

    const doc = new Y.Doc()
    const provider = connectBoard(`ws://127.0.0.1:${server.port}/yjs`, boardId, doc, testToken(boardId), {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      maxBackoffTime: 200,
    })
    const sendsEdits = () => [...((doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update') ?? [])].filter((f) => f === provider._updateHandler).length
    try {
      expect(sendsEdits()).toBe(0)
      await waitFor(() => provider.synced, 10_000, 'the sync')
      expect(stickyIn(doc, 'placed')).toBe('Order Placed')
      expect(sendsEdits()).toBe(1)

      const records = boardRecords(doc)
      const edit = (key: string, text: string) => records.set(`shape:${key}`, stickyRecord(key, text))
      edit('shipped', 'Order Shipped')
      await waitFor(() => alice.stickies.get('shipped') === 'Order Shipped', 5000, 'the edit at Alice')

      provider.disconnect()
      provider.connect()
      await waitFor(() => provider.wsconnected && provider.synced, 10_000, 'the sync again')
      expect(sendsEdits()).toBe(1)
      edit('paid', 'Payment Taken')
      await waitFor(() => alice.stickies.get('paid') === 'Payment Taken', 5000, 'the edit after reconnecting')
    } finally {
      provider.destroy()
      alice.destroy()
    }
  })
})
