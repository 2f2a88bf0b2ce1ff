import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { eventBridgeManifest } from '../formats/eventBridge.ts'
import { contextArea, contractsOf, event, field } from '../testing.ts'
import { type EventBridgeTarget, publishToEventBridge } from './eventBridgePublisher.ts'
import { type FakeSchemasRegistry, startFakeSchemasRegistry } from './testing/eventBridgeSchemasRegistry.ts'
import { unreachableUrl } from './testing/httpServer.ts'
import { recordingLogger } from './testing/recordingLogger.ts'

const secretAccessKey = 'fake-secret-key-for-tests-only'

/** Two contexts, three events; `placedFields` changes the Order Placed contract. */
const shopManifest = (placedFields = [field('orderId')]) =>
  eventBridgeManifest(
    contractsOf({
      contexts: [
        contextArea('orders', 'Orders', 0, { source: 'com.shop.orders', team: 'Checkout' }),
        contextArea('payments', 'Payments', 1000, { source: 'com.shop.payments' }),
      ],
      elements: [
        event('placed', 'Order Placed', 100, placedFields),
        event('cancelled', 'Order Cancelled', 300, [field('orderId'), field('reason', { required: false })]),
        event('received', 'Payment Received', 1100, [field('paymentId'), field('amount', { type: 'number' })]),
      ],
    }),
  )

describe('publishing an EventBridge manifest to the Schema Registry', () => {
  let registry: FakeSchemasRegistry
  let target: EventBridgeTarget

  beforeEach(async () => {
    registry = await startFakeSchemasRegistry()
    target = { region: registry.region, endpoint: registry.url, credentials: { accessKeyId: registry.accessKeyId, secretAccessKey } }
  })
  afterEach(async () => {
    await registry.close()
    // Every request our publisher sent was one the API documents.
    expect(registry.violations).toEqual([])
  })

  const outcomes = (report: Awaited<ReturnType<typeof publishToEventBridge>>) =>
    report.results.map((r) => [r.schemaName ?? r.registryName, r.outcome === 'failed' ? r.failure.code : r.outcome])

  test('a first publish creates every registry, then every schema with its content, type, description and tags', async () => {
    const manifest = shopManifest()
    const report = await publishToEventBridge(manifest, target, recordingLogger())

    expect(report.stopped).toBeUndefined()
    expect(outcomes(report)).toEqual([
      ['com-shop-orders', 'created'],
      ['com-shop-payments', 'created'],
      ['com.shop.orders@OrderPlaced', 'created'],
      ['com.shop.orders@OrderCancelled', 'created'],
      ['com.shop.payments@PaymentReceived', 'created'],
    ])
    expect(report.results.filter((r) => r.schemaName).map((r) => r.outcome !== 'failed' && r.schemaVersion)).toEqual(['1', '1', '1'])
    expect(registry.registries.get('com-shop-orders')).toEqual({ Description: manifest.registries[0]?.Description, tags: { context: 'orders', team: 'Checkout' } })
    for (const schema of manifest.schemas) {
      expect(registry.schemas.get(`${schema.RegistryName}/${schema.SchemaName}`)).toEqual({
        Content: schema.Content,
        Type: 'JSONSchemaDraft4',
        Description: schema.Description,
        tags: schema.Tags,
        version: 1,
      })
    }
    expect(registry.calls.map((c) => c.operation)).toEqual([
      'DescribeRegistry',
      'CreateRegistry',
      'DescribeRegistry',
      'CreateRegistry',
      'DescribeSchema',
      'CreateSchema',
      'DescribeSchema',
      'CreateSchema',
      'DescribeSchema',
      'CreateSchema',
    ])
  })

  test('publishing the same manifest again changes nothing: it only reads, and reports every item unchanged at its version', async () => {
    await publishToEventBridge(shopManifest(), target, recordingLogger())
    registry.calls.length = 0

    const report = await publishToEventBridge(shopManifest(), target, recordingLogger())

    expect(outcomes(report).map(([, outcome]) => outcome)).toEqual(Array(5).fill('unchanged'))
    expect(report.results.filter((r) => r.schemaName).map((r) => r.outcome !== 'failed' && r.schemaVersion)).toEqual(['1', '1', '1'])
    expect(new Set(registry.calls.map((c) => c.operation))).toEqual(new Set(['DescribeRegistry', 'DescribeSchema']))
  })

  test('a schema whose contract changed is updated to a new version, and the others stay as they were', async () => {
    await publishToEventBridge(shopManifest(), target, recordingLogger())
    registry.calls.length = 0

    const changed = shopManifest([field('orderId'), field('total', { type: 'number' })])
    const report = await publishToEventBridge(changed, target, recordingLogger())

    expect(outcomes(report).slice(2)).toEqual([
      ['com.shop.orders@OrderPlaced', 'updated'],
      ['com.shop.orders@OrderCancelled', 'unchanged'],
      ['com.shop.payments@PaymentReceived', 'unchanged'],
    ])
    const placed = changed.schemas[0]
    expect(registry.schemas.get('com-shop-orders/com.shop.orders@OrderPlaced')).toMatchObject({ Content: placed?.Content, version: 2 })
    expect(registry.calls.filter((c) => c.operation === 'UpdateSchema')).toEqual([
      {
        operation: 'UpdateSchema',
        registryName: 'com-shop-orders',
        schemaName: 'com.shop.orders@OrderPlaced',
        body: { ClientTokenId: expect.any(String), Content: placed?.Content, Description: placed?.Description, Type: 'JSONSchemaDraft4' },
      },
    ])
  })

  test('a schema the registry holds re-indented is the same schema, and gets no new version', async () => {
    await publishToEventBridge(shopManifest(), target, recordingLogger())
    for (const stored of registry.schemas.values()) stored.Content = JSON.stringify(JSON.parse(stored.Content), null, 2)

    const report = await publishToEventBridge(shopManifest(), target, recordingLogger())

    expect(outcomes(report).map(([, outcome]) => outcome)).toEqual(Array(5).fill('unchanged'))
  })

  test("a schema the registry refuses is reported with the registry's code and message, and the other schemas are still published", async () => {
    registry.refuse({ status: 400, type: 'BadRequestException', message: 'Invalid schema content: unexpected token' }, 'com.shop.orders@OrderCancelled')
    const log = recordingLogger()

    const report = await publishToEventBridge(shopManifest(), target, log)

    expect(report.stopped).toBeUndefined()
    expect(report.results[3]).toEqual({
      registryName: 'com-shop-orders',
      schemaName: 'com.shop.orders@OrderCancelled',
      outcome: 'failed',
      failure: { code: 'BadRequestException', message: 'Invalid schema content: unexpected token' },
    })
    expect(outcomes(report).filter(([, outcome]) => outcome === 'created')).toHaveLength(4)
    expect(log.lines).toContain(
      'EventBridge Schemas: schema com.shop.orders@OrderCancelled in registry com-shop-orders failed: BadRequestException: Invalid schema content: unexpected token',
    )
  })

  test('a schema created meanwhile by someone else is reported as the conflict the registry answers', async () => {
    registry.refuse({ status: 409, type: 'ConflictException', message: 'Schema with name com.shop.payments@PaymentReceived already exists.' }, 'com.shop.payments@PaymentReceived')

    const report = await publishToEventBridge(shopManifest(), target, recordingLogger())

    expect(outcomes(report).at(-1)).toEqual(['com.shop.payments@PaymentReceived', 'ConflictException'])
    expect(outcomes(report).slice(0, -1).every(([, outcome]) => outcome === 'created')).toBe(true)
  })

  test.each([
    ['an access key the registry does not know', () => ({ ...target, credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey } }), 'UnrecognizedClientException'],
    ['credentials without permission', () => (registry.refuse({ status: 403, type: 'ForbiddenException', message: 'User is not authorized to perform: schemas:DescribeRegistry' }), target), 'ForbiddenException'],
  ])('%s stop the publish before anything is created, with a message that says to check the credentials', async (_, refusedTarget, code) => {
    const log = recordingLogger()

    const report = await publishToEventBridge(shopManifest(), refusedTarget(), log)

    expect(report.results).toEqual([])
    expect(report.stopped?.code).toBe(code)
    expect(report.stopped?.message).toMatch(/^EventBridge Schemas refused the credentials \(.+\)\. Check AWS_ACCESS_KEY_ID/)
    expect(registry.registries.size + registry.schemas.size).toBe(0)
    expect(log.lines.at(-1)).toBe(`EventBridge Schemas: publish stopped: ${report.stopped?.message}`)
    expect(log.lines.join('\n')).not.toContain(secretAccessKey)
  })

  test('an endpoint nobody answers on stops the publish with the connection error', async () => {
    const report = await publishToEventBridge(shopManifest(), { ...target, endpoint: await unreachableUrl() }, recordingLogger())

    expect(report.results).toEqual([])
    expect(report.stopped).toEqual({ code: 'ECONNREFUSED', message: expect.stringMatching(/^EventBridge Schemas could not be called: connect ECONNREFUSED/) })
  })

  test('the log says what happened to each item and never holds the credentials', async () => {
    const log = recordingLogger()
    await publishToEventBridge(shopManifest(), target, log)

    expect(log.lines).toEqual([
      'EventBridge Schemas: registry com-shop-orders created',
      'EventBridge Schemas: registry com-shop-payments created',
      'EventBridge Schemas: schema com.shop.orders@OrderPlaced in registry com-shop-orders created (version 1)',
      'EventBridge Schemas: schema com.shop.orders@OrderCancelled in registry com-shop-orders created (version 1)',
      'EventBridge Schemas: schema com.shop.payments@PaymentReceived in registry com-shop-payments created (version 1)',
    ])
    expect(log.lines.join('\n')).not.toMatch(new RegExp(`${secretAccessKey}|${registry.accessKeyId}`))
  })

  describe('from the environment', () => {
    afterEach(() => vi.unstubAllEnvs())

    test('without a region or endpoint given, AWS_REGION and EVENTBRIDGE_SCHEMAS_ENDPOINT are used', async () => {
      vi.stubEnv('AWS_REGION', registry.region)
      vi.stubEnv('EVENTBRIDGE_SCHEMAS_ENDPOINT', registry.url)

      const report = await publishToEventBridge(shopManifest(), { credentials: target.credentials }, recordingLogger())

      expect(report.stopped).toBeUndefined()
      expect(registry.schemas.size).toBe(3)
    })
  })
})
