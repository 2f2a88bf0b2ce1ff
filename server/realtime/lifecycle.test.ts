import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { readConfig } from '../../lib/config.ts'
import { recordsToDoc } from '../../lib/ydoc/convert.ts'
import { realtimeLimits } from '../app.ts'
import { connectClient, stickyIn, stickyRecord, type TestClient, upgradeAnswer, upgradeStatus, waitFor, whenSynced } from '../testing/clients.ts'
import { type Hooks, Refusal } from './hooks.ts'
import { RealtimeServer } from './realtimeServer.ts'

/**
 * The realtime core alone, with hooks written in the test instead of a
 * database: when boards are loaded, shared, unloaded and refused.
 */
class RecordingStorage implements Hooks {
  readonly boards = new Map<string, Uint8Array>([['board-one', seed('Order Placed')]])
  loads = 0
  unloads: string[] = []
  changes: Uint8Array[] = []
  loadDelayMs = 0

  async onFetchDocument({ boardId }: { boardId: string }) {
    this.loads++
    await new Promise((resolve) => setTimeout(resolve, this.loadDelayMs))
    const stored = this.boards.get(boardId)
    if (!stored) throw new Refusal(404, 'board not found')
    return [stored]
  }
  onChange({ update }: { update: Uint8Array }) {
    this.changes.push(update)
  }
  async onUnloadDocument({ boardId, doc }: { boardId: string; doc: Y.Doc }) {
    this.boards.set(boardId, Y.encodeStateAsUpdate(doc))
    this.unloads.push(boardId)
  }
}

function seed(text: string): Uint8Array {
  return Y.encodeStateAsUpdate(recordsToDoc([stickyRecord('first', text)]))
}

describe('the life of a board in memory', () => {
  let http: Server
  let realtime: RealtimeServer
  let storage: RecordingStorage
  let port: number
  const clients: TestClient[] = []

  async function start(unloadDelayMs = 50) {
    storage = new RecordingStorage()
    realtime = new RealtimeServer({ hooks: [storage], unloadDelayMs, ...realtimeLimits(readConfig({})) })
    http = createServer()
    http.on('upgrade', (request, socket, head) => void realtime.handleUpgrade(request, socket, head))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    port = (http.address() as AddressInfo).port
  }
  const client = (boardId = 'board-one') => {
    const c = connectClient(port, boardId)
    clients.push(c)
    return c
  }

  async function serverHas(key: string) {
    const { doc } = await realtime.open('board-one')
    await waitFor(() => stickyIn(doc, key) !== undefined, 5000, `${key} to reach the server`)
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await realtime.close()
    await new Promise((resolve) => http.close(resolve))
  })

  test('the first client to sync already gets the stored board, even when loading is slow', async () => {
    await start()
    storage.loadDelayMs = 300
    const alice = client()
    await whenSynced(alice)
    expect(alice.stickies.get('first')).toBe('Order Placed')
  })

  test('loading a board is not a change: nothing is sent to storage again, and an edit after it is', async () => {
    await start()
    const alice = client()
    await whenSynced(alice)
    expect(storage.changes).toEqual([])
    alice.stickies.set('second', 'Payment Taken')
    await serverHas('second')
    expect(storage.changes).toHaveLength(1)
  })

  test('a damaged stored update is skipped and logged; the rest of the board loads', async () => {
    await start()
    storage.onFetchDocument = async () => [Uint8Array.of(0xff, 0xff, 0xff), seed('Order Placed')]
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const alice = client()
    await whenSynced(alice)
    expect(alice.stickies.get('first')).toBe('Order Placed')
    expect(logged.mock.calls.flat().join(' ')).toContain('skipped an unreadable stored update')
    logged.mockRestore()
  })

  test('clients arriving together share one load of the board', async () => {
    await start()
    storage.loadDelayMs = 100
    const all = [client(), client(), client()]
    await Promise.all(all.map((c) => whenSynced(c)))
    expect(storage.loads).toBe(1)
  })

  test('a board leaves memory, saved, some time after its last client goes, and comes back on demand', async () => {
    await start(100)
    const alice = client()
    await whenSynced(alice)
    alice.stickies.set('second', 'Payment Taken')
    await serverHas('second')
    alice.destroy()

    await waitFor(() => storage.unloads.length === 1, 5000, 'the unload')
    expect(realtime.openBoardIds).toEqual([])

    const bob = client()
    await whenSynced(bob)
    expect(bob.stickies.get('second')).toBe('Payment Taken')
    expect(storage.loads).toBe(2)
  })

  test('a board with a client stays in memory', async () => {
    await start(50)
    const alice = client()
    await whenSynced(alice)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(realtime.openBoardIds).toEqual(['board-one'])
    expect(storage.unloads).toEqual([])
  })

  test('a board that does not exist is refused and not created', async () => {
    await start()
    expect(await upgradeStatus(port, '/yjs/board-two')).toBe(404)
    expect(realtime.openBoardIds).toEqual([])
    expect(storage.boards.has('board-two')).toBe(false)
  })

  test('a board that fails to load is refused with a generic message; the detail stays in the server log', async () => {
    await start()
    storage.onFetchDocument = async () => {
      throw new Error('disk full at /var/lib/eventstorm')
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await upgradeAnswer(port, '/yjs/board-one')).toEqual({ status: 500, body: 'internal error\n' })
    expect(logged.mock.calls.flat().join(' ')).toContain('disk full at /var/lib/eventstorm')
    logged.mockRestore()
  })

  test('closing the server saves every open board', async () => {
    await start(60_000)
    const alice = client()
    await whenSynced(alice)
    alice.stickies.set('late', 'Order Shipped')
    await serverHas('late')
    await realtime.close()
    expect(storage.unloads).toEqual(['board-one'])
    const saved = new Y.Doc()
    Y.applyUpdate(saved, storage.boards.get('board-one')!)
    expect(stickyIn(saved, 'late')).toBe('Order Shipped')
  })
})
