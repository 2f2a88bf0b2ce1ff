import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { openApi30Components, openApi30Document } from '../schemaValidators.ts'
import { contractsArbitrary, contractsOf, event, shop } from '../testing.ts'
import { eventBridgeExamples, eventBridgeManifest, eventBridgeSchemas, maxSchemaContent } from './eventBridge.ts'
import { eventBridgeOpenApiFiles, eventBridgeOpenApiSchema, eventBridgeOpenApiSchemas } from './eventBridgeOpenApi.ts'

describe('EventBridge OpenAPI export', () => {
  test('an event is an OpenAPI 3.0 document as EventBridge discovers them: AWSEvent names the source and detail-type and refers to the detail by the event’s name', () => {
    const documents = eventBridgeOpenApiSchemas(shop())
    expect(Object.keys(documents)).toEqual(['com.shop.orders@OrderPlaced', 'com.shop.billing@PaymentReceived'])
    const document = documents['com.shop.billing@PaymentReceived'] as Record<string, any>
    expect(document).toMatchObject({ openapi: '3.0.0', info: { version: '2.0.0', title: 'PaymentReceived', description: 'The card was charged.' }, paths: {} })
    const { AWSEvent, PaymentReceived } = document.components.schemas
    expect(AWSEvent).toMatchObject({ 'x-amazon-events-source': 'com.shop.billing', 'x-amazon-events-detail-type': 'PaymentReceived', required: ['detail-type', 'source', 'detail'] })
    expect(AWSEvent.properties.detail).toEqual({ $ref: '#/components/schemas/PaymentReceived' })
    expect(PaymentReceived.properties.data.properties.amount).toEqual({ type: 'number', example: 42.5 })
    expect(PaymentReceived.properties.metadata.properties.severity.enum).toEqual(['RED'])
  })

  test('an event named like the envelope keeps its detail apart from AWSEvent', () => {
    const contracts = contractsOf({ elements: [event('aws', 'A W S Event', 0)] })
    const document = eventBridgeOpenApiSchemas(contracts)['com.online-shop.online-shop@AWSEvent'] as Record<string, any>
    expect(Object.keys(document.components.schemas)).toEqual(['AWSEvent', 'AWSEventDetail'])
    expect(document.components.schemas.AWSEvent['x-amazon-events-detail-type']).toBe('AWSEvent')
  })

  test('the document is valid OpenAPI 3.0, and the example event validates against AWSEvent while an event without its data does not', () => {
    const contracts = shop()
    const document = eventBridgeOpenApiSchemas(contracts)['com.shop.orders@OrderPlaced']!
    const validDocument = openApi30Document()
    expect(validDocument(document), JSON.stringify(validDocument.errors)).toBe(true)
    const validate = openApi30Components()(document, 'AWSEvent')
    const example = eventBridgeExamples(contracts)['com.shop.orders@OrderPlaced']!
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...example, detail: { ...example.detail, data: {} } })).toBe(false)
  })

  test('publishing sends the same CreateSchema calls with Type OpenApi3 and the document as Content, and the bundle says so', () => {
    const contracts = shop()
    const manifest = eventBridgeManifest(contracts, 'OpenApi3', eventBridgeOpenApiSchema)
    expect(manifest.schemas.map((s) => [s.SchemaName, s.Type])).toEqual([
      ['com.shop.orders@OrderPlaced', 'OpenApi3'],
      ['com.shop.billing@PaymentReceived', 'OpenApi3'],
    ])
    expect(JSON.parse(manifest.schemas[0]!.Content)).toEqual(eventBridgeOpenApiSchemas(contracts)['com.shop.orders@OrderPlaced'])
    const files = eventBridgeOpenApiFiles(contracts)
    expect(files.map((f) => f.path)).toContain('eventbridge-openapi/schemas/com.shop.orders@OrderPlaced.json')
    expect(files.find((f) => f.path === 'eventbridge-openapi/create-schemas.sh')!.content()).toContain('--type OpenApi3')
  })

  test('any board gives valid OpenAPI 3.0 documents, one per JSON Schema, within CreateSchema’s limit, with examples that validate', () => {
    const validDocument = openApi30Document()
    const component = openApi30Components()
    fc.assert(
      fc.property(contractsArbitrary, (contracts) => {
        const documents = eventBridgeOpenApiSchemas(contracts)
        const examples = eventBridgeExamples(contracts)
        expect(Object.keys(documents)).toEqual(Object.keys(eventBridgeSchemas(contracts)))
        for (const call of eventBridgeManifest(contracts, 'OpenApi3', eventBridgeOpenApiSchema).schemas) {
          expect(call.Content.length).toBeLessThanOrEqual(maxSchemaContent)
          const document = JSON.parse(call.Content)
          expect(validDocument(document), JSON.stringify(validDocument.errors)).toBe(true)
          const validate = component(document, 'AWSEvent')
          expect(validate(examples[call.SchemaName]), JSON.stringify(validate.errors)).toBe(true)
        }
      }),
      { numRuns: 100 },
    )
  })
})
