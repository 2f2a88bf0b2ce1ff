import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type * as Y from 'yjs'
import { readBoardModel } from '../../lib/model/readBoardModel.ts'
import { recordArray } from '../../lib/ydoc/layout.ts'
import type { RunningServer } from '../app.ts'
import { connectClient, type TestClient, whenSynced } from '../testing/clients.ts'
import { createTestBoard, startTestServer, testToken } from '../testing/servers.ts'

/** Every listener a reader could leave on a document: the doc's own events and its records array's. */
function observerCount(doc: Y.Doc): number {
  const docListeners = [...(doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.values()].reduce((n, s) => n + s.size, 0)
  const records = recordArray(doc) as unknown as { _eH: { l: unknown[] }; _dEH: { l: unknown[] } }
  return docListeners + records._eH.l.length + records._dEH.l.length
}

describe('reading an open board on the server', () => {
  let server: RunningServer
  let client: TestClient

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite' })
  })
  afterAll(async () => {
    client?.destroy()
    await server.close()
  })

  test('a thousand model reads leave the live document with the observers it had, and unchanged', async () => {
    const boardId = await createTestBoard(server)
    client = connectClient(server.port, boardId, { token: testToken(boardId) })
    await whenSynced(client)
    const { doc } = await server.realtime.open(boardId)
    const before = observerCount(doc)
    let updates = 0
    const count = () => updates++
    doc.on('update', count)

    for (let i = 0; i < 1000; i++) expect(await readBoardModel(server.database, boardId)).not.toBeNull()

    doc.off('update', count)
    expect(observerCount(doc)).toBe(before)
    expect(updates).toBe(0)
  })
})
