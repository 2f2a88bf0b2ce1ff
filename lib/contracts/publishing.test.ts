import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { importBoard } from '../boardFile/importBoard.ts'
import { boardFileFormat, boardFileVersion } from '../boardFile/boardFile.ts'
import { listAudit } from '../db/auditLog.ts'
import { type Database, openDatabase } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import type { ElementContent } from '../boardFile/boardContent.ts'
import { BadRequest } from '../http/json.ts'
import { pendingExport } from './contractExports.ts'
import { eventBridgeManifest } from './formats/eventBridge.ts'
import { publishToEventBridge } from './publish/eventBridgePublisher.ts'
import { type FakeSchemasRegistry, startFakeSchemasRegistry } from './publish/testing/eventBridgeSchemasRegistry.ts'
import { recordingLogger } from './publish/testing/recordingLogger.ts'
import { publishContracts } from './publishing.ts'
import { contextArea, event, field } from './testing.ts'

const options = { payloadBudgetBytes: 256 * 1024 }
const facilitator = { id: 'http:test', rights: { role: 'facilitator' as const, readOnly: false }, displayName: undefined }

const shopFile = (elements: ElementContent[]) => ({
  format: boardFileFormat,
  version: boardFileVersion,
  name: 'Online Shop',
  level: 'process',
  contexts: [contextArea('orders', 'Orders', 0, { source: 'com.shop.orders' })],
  elements,
  lanes: [],
  boundaries: [],
  labels: [],
  flows: [],
})

describe('publishing a board’s contracts', () => {
  let db: Database
  let registry: FakeSchemasRegistry

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' })
    await migrate(db)
    registry = await startFakeSchemasRegistry()
  })
  afterAll(async () => {
    await registry.close()
    await db.close()
  })
  afterEach(() => vi.unstubAllEnvs())

  const toRegistry = (contracts: Parameters<typeof eventBridgeManifest>[0]) =>
    publishToEventBridge(
      eventBridgeManifest(contracts),
      { region: registry.region, endpoint: registry.url, credentials: { accessKeyId: registry.accessKeyId, secretAccessKey: 'fake-secret-for-tests' } },
      recordingLogger(),
    )

  test('is off until the server’s environment turns it on', async () => {
    const board = await importBoard(db, shopFile([event('placed', 'Order Placed', 100, [field('orderId')])]))
    await expect(publishContracts(db, board.id, options, facilitator, 'eventbridge', toRegistry)).rejects.toMatchObject({ status: 404 })
    expect(registry.schemas.size).toBe(0)
  })

  test('sends the registry what the next export holds, records that export and audits who published', async () => {
    vi.stubEnv('EVENTBRIDGE_PUBLISH', 'on')
    const board = await importBoard(db, shopFile([event('placed', 'Order Placed', 100, [field('orderId')])]))
    const report = await publishContracts(db, board.id, options, facilitator, 'eventbridge', toRegistry)
    expect(report?.results.map((r) => r.outcome)).toEqual(['created', 'created'])
    expect([...registry.schemas.keys()]).toContain('com-shop-orders/com.shop.orders@OrderPlaced')
    expect((await pendingExport(db, board.id, options))?.history).toHaveLength(1)
    expect((await listAudit(db, board.id)).map((entry) => entry.action)).toContain('contracts.published')
  })

  test('a board whose export has errors is not published', async () => {
    vi.stubEnv('EVENTBRIDGE_PUBLISH', 'on')
    const before = registry.schemas.size
    const board = await importBoard(db, shopFile([event('a', 'Order Shipped', 100), event('b', 'order shipped', 400)]))
    const refused = publishContracts(db, board.id, options, facilitator, 'eventbridge', toRegistry)
    await expect(refused).rejects.toBeInstanceOf(BadRequest)
    await expect(refused).rejects.toMatchObject({ status: 409, message: expect.stringContaining('both named OrderShipped') })
    expect(registry.schemas.size).toBe(before)
  })
})
