import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { draft04 } from '../schemaValidators.ts'
import { contractsArbitrary, shop } from '../testing.ts'
import { eventBridgeExamples, eventBridgeManifest, eventBridgeSchemas, maxSchemaContent } from './eventBridge.ts'

describe('EventBridge JSON Schema export', () => {
  test('an event is a draft-04 schema of the whole EventBridge event, named <source>@<EventName>, with metadata and data in detail', () => {
    const schemas = eventBridgeSchemas(shop())
    expect(Object.keys(schemas)).toEqual(['com.shop.orders@OrderPlaced', 'com.shop.billing@PaymentReceived'])
    const schema = schemas['com.shop.orders@OrderPlaced'] as Record<string, any>
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#')
    expect(schema.properties['detail-type']).toEqual({ type: 'string', enum: ['OrderPlaced'] })
    expect(schema.properties.source).toEqual({ type: 'string', enum: ['com.shop.orders'] })
    const detail = schema.properties.detail
    expect(detail.required).toEqual(['metadata', 'data'])
    expect(Object.keys(detail.properties.metadata.properties)).toEqual(['eventId', 'schemaVersion', 'correlationId', 'causationId', 'producer', 'time', 'severity'])
    expect(detail.properties.metadata.properties.severity).toMatchObject({ enum: ['AMBER'] })
    expect(detail.properties.data.properties.customer.properties.email).toEqual({ type: 'string', 'x-sensitivity': 'pii' })
    expect(detail.properties.data.required).toEqual(['orderId', 'customer', 'placedAt', 'status'])
    expect(JSON.stringify(schema)).not.toContain('"const"')
  })

  test('the example event validates against its schema, and an event missing its data or of another type does not', () => {
    const contracts = shop()
    const ajv = draft04()
    const validate = ajv.compile(eventBridgeSchemas(contracts)['com.shop.orders@OrderPlaced'] as object)
    const example = eventBridgeExamples(contracts)['com.shop.orders@OrderPlaced']!
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...example, detail: { ...example.detail, data: {} } })).toBe(false)
    expect(validate({ ...example, 'detail-type': 'OrderCancelled' })).toBe(false)
  })

  test('the manifest holds one registry per context and CreateSchema calls in the API’s own names', () => {
    const manifest = eventBridgeManifest(shop())
    expect(manifest.registries).toEqual([
      expect.objectContaining({ RegistryName: 'com-shop-orders', Tags: { context: 'orders', team: 'Checkout Team' } }),
      expect.objectContaining({ RegistryName: 'com-shop-billing', Description: 'Takes the money.', Tags: { context: 'billing' } }),
    ])
    expect(manifest.schemas[0]).toEqual({
      RegistryName: 'com-shop-orders',
      SchemaName: 'com.shop.orders@OrderPlaced',
      Type: 'JSONSchemaDraft4',
      Content: JSON.stringify(eventBridgeSchemas(shop())['com.shop.orders@OrderPlaced']),
      Description: 'Order Placed, published by Orders in Orders.',
      Tags: { context: 'orders', version: '1.0.0', severity: 'AMBER' },
    })
  })

  test('any board gives valid draft-04 schemas with names registries accept, unique, and examples that validate', () => {
    fc.assert(
      fc.property(contractsArbitrary, (contracts) => {
        const ajv = draft04()
        const schemas = eventBridgeSchemas(contracts)
        const examples = eventBridgeExamples(contracts)
        const manifest = eventBridgeManifest(contracts)
        expect(manifest.schemas).toHaveLength(contracts.contexts.flatMap((c) => c.events).length)
        expect(new Set(manifest.schemas.map((s) => s.SchemaName)).size).toBe(manifest.schemas.length)
        for (const call of manifest.schemas) {
          expect(call.SchemaName).toMatch(/^[a-z0-9][a-z0-9.-]*@[A-Za-z][A-Za-z0-9]{0,127}$/)
          expect(call.SchemaName.startsWith('aws.')).toBe(false)
          expect(call.RegistryName).toMatch(/^[A-Za-z0-9._-]{1,64}$/)
          expect(call.Description.length).toBeLessThanOrEqual(256)
          expect(call.Content.length).toBeLessThanOrEqual(maxSchemaContent)
          expect(ajv.validateSchema(JSON.parse(call.Content))).toBe(true)
          const validate = ajv.compile(schemas[call.SchemaName] as object)
          expect(validate(examples[call.SchemaName]), JSON.stringify(validate.errors)).toBe(true)
        }
      }),
      { numRuns: 100 },
    )
  })
})
