import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { draft07 } from '../schemaValidators.ts'
import { contractsArbitrary, shop } from '../testing.ts'
import { cloudEventExamples, cloudEventFiles, cloudEventSchemas } from './cloudEvents.ts'

describe('CloudEvents export', () => {
  test('an event is a draft-07 schema of a CloudEvent 1.0 of type <source>.<EventName> from the context’s source, carrying metadata and data', () => {
    const schemas = cloudEventSchemas(shop())
    expect(Object.keys(schemas)).toEqual(['com.shop.orders@OrderPlaced', 'com.shop.billing@PaymentReceived'])
    const schema = schemas['com.shop.orders@OrderPlaced'] as Record<string, any>
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'OrderPlaced', required: ['specversion', 'id', 'source', 'type', 'data'] })
    expect(schema.properties.specversion).toEqual({ type: 'string', enum: ['1.0'] })
    expect(schema.properties.source).toEqual({ type: 'string', format: 'uri-reference', enum: ['com.shop.orders'] })
    expect(schema.properties.type).toEqual({ type: 'string', enum: ['com.shop.orders.OrderPlaced'] })
    expect(schema.properties.datacontenttype).toEqual({ type: 'string', enum: ['application/json'] })
    expect(schema.properties.data.required).toEqual(['metadata', 'data'])
    expect(schema.properties.data.properties.data.properties.customer.properties.email).toEqual({ type: 'string', 'x-sensitivity': 'pii' })
  })

  test('the example CloudEvent validates, and one of another type, another spec version, with an empty id or a relative dataschema does not', () => {
    const contracts = shop()
    const validate = draft07().compile(cloudEventSchemas(contracts)['com.shop.billing@PaymentReceived']!)
    const example = cloudEventExamples(contracts)['com.shop.billing@PaymentReceived']!
    expect(example).toMatchObject({ specversion: '1.0', id: (example.data as { metadata: { eventId: string } }).metadata.eventId, source: 'com.shop.billing', type: 'com.shop.billing.PaymentReceived' })
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...example, dataschema: 'https://schemas.shop.com/payment-received.json' })).toBe(true)
    for (const wrong of [{ type: 'com.shop.orders.OrderPlaced' }, { specversion: '0.3' }, { id: '' }, { dataschema: 'payment-received.json' }]) {
      expect(validate({ ...example, ...wrong }), JSON.stringify(wrong)).toBe(false)
    }
  })

  test('the bundle holds a schema per event and an example beside it', () => {
    expect(cloudEventFiles(shop()).map((f) => f.path)).toEqual([
      'cloudevents/com.shop.orders@OrderPlaced.json',
      'cloudevents/com.shop.billing@PaymentReceived.json',
      'cloudevents/examples/com.shop.orders@OrderPlaced.json',
      'cloudevents/examples/com.shop.billing@PaymentReceived.json',
    ])
  })

  test('any board gives valid draft-07 schemas of distinct types, and examples that validate', () => {
    const ajv = draft07()
    fc.assert(
      fc.property(contractsArbitrary, (contracts) => {
        const schemas = cloudEventSchemas(contracts)
        const examples = cloudEventExamples(contracts)
        const types = Object.values(examples).map((example) => example.type)
        expect(new Set(types).size).toBe(types.length)
        for (const [name, schema] of Object.entries(schemas)) {
          expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true)
          const validate = ajv.compile(schema)
          expect(validate(examples[name]), JSON.stringify(validate.errors)).toBe(true)
        }
      }),
      { numRuns: 100 },
    )
  })
})
