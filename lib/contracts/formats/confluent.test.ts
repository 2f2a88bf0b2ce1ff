import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkCompatibility, compatibilityModes } from '../compatibility.ts'
import { exampleDetail } from '../eventEnvelope.ts'
import { fileText } from '../exportFiles.ts'
import { draft07 } from '../schemaValidators.ts'
import { contextArea, contractsArbitrary, contractsOf, event, field, shop } from '../testing.ts'
import { confluentFiles, confluentRequests, confluentSubjectVersions } from './confluent.ts'

describe('Confluent Schema Registry export', () => {
  test('an event is the body of POST /subjects/<source>.<EventName>/versions: a JSON schema type and the draft-07 schema of its metadata and data as text', () => {
    const requests = confluentRequests(shop())
    expect(Object.keys(requests)).toEqual(['com.shop.orders.OrderPlaced', 'com.shop.billing.PaymentReceived'])
    const request = requests['com.shop.orders.OrderPlaced']!
    expect(request.schemaType).toBe('JSON')
    const schema = JSON.parse(request.schema)
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'com.shop.orders.OrderPlaced', required: ['metadata', 'data'] })
    expect(schema).not.toHaveProperty('$id')
    expect(schema.properties.data.properties.customer.properties.email).toEqual({ type: 'string', 'x-sensitivity': 'pii' })
  })

  test('an example detail validates against the registered schema, and one without its metadata does not', () => {
    const contracts = shop()
    const validate = draft07().compile(JSON.parse(confluentRequests(contracts)['com.shop.billing.PaymentReceived']!.schema))
    const [, billing] = contracts.contexts
    const example = exampleDetail(billing!.events[0]!, billing!)
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ data: example.data })).toBe(false)
  })

  test('the producing context, service and severity are strings naming the expected value, not one-value enums the registry could never change', () => {
    const schema = JSON.parse(confluentRequests(shop())['com.shop.orders.OrderPlaced']!.schema)
    const { producer, severity } = schema.properties.metadata.properties
    expect(producer.properties.context).toMatchObject({ type: 'string', examples: ['orders'] })
    expect(producer.properties.service).toMatchObject({ type: 'string', examples: ['Orders'] })
    expect(severity).toMatchObject({ type: 'string', examples: ['AMBER'] })
    expect(JSON.stringify(schema.properties.metadata)).not.toContain('"enum"')
    expect(producer.required).toEqual(['context', 'service'])
  })

  test('a new producing service or severity is a compatible new version under every mode, as the registry checks it', () => {
    const subject = 'com.shop.orders.OrderPlaced'
    const schemaOf = (producer: string, sensitivity: 'none' | 'pii' | 'secret') => {
      const contracts = contractsOf({
        contexts: [contextArea('orders', 'Orders', 0, { source: 'com.shop.orders' })],
        elements: [event('placed', 'Order Placed', 100, [], { contract: { description: '', version: 1, producer, fields: [field('orderId'), field('email', { sensitivity })] } })],
      })
      const { severity, service } = contracts.contexts[0]!.events[0]!
      return { severity, service, schema: JSON.parse(confluentRequests(contracts)[subject]!.schema) }
    }
    const first = schemaOf('Checkout', 'none')
    const moved = schemaOf('Order Service', 'pii')
    const secret = schemaOf('Order Service', 'secret')
    // The boards do differ where the old one-value enums pinned them.
    expect([first.service, first.severity, moved.service, moved.severity, secret.severity]).toEqual(['Checkout', 'GREEN', 'Order Service', 'AMBER', 'RED'])
    for (const mode of compatibilityModes) {
      expect(checkCompatibility([first.schema, moved.schema], secret.schema, mode), mode).toMatchObject({ compatible: true, breaking: [] })
    }
  })

  test('a publisher gets each subject with its body, and the bundle a file per subject and a script that posts them', () => {
    const contracts = shop()
    expect(confluentSubjectVersions(contracts).map((v) => v.subject)).toEqual(['com.shop.orders.OrderPlaced', 'com.shop.billing.PaymentReceived'])
    expect(confluentSubjectVersions(contracts)[0]!.body).toEqual(confluentRequests(contracts)['com.shop.orders.OrderPlaced'])
    const files = confluentFiles(contracts)
    expect(files.map((f) => f.path)).toEqual(['confluent/com.shop.orders.OrderPlaced.json', 'confluent/com.shop.billing.PaymentReceived.json', 'confluent/register-schemas.sh'])
    expect(JSON.parse(fileText(files[0]!))).toEqual(confluentRequests(contracts)['com.shop.orders.OrderPlaced'])
    expect(files[2]!.content()).toContain(`--data-binary @com.shop.billing.PaymentReceived.json "$SCHEMA_REGISTRY_URL/subjects/com.shop.billing.PaymentReceived/versions"`)
  })

  test('any board gives unique subjects that need no encoding in a URL path, valid draft-07 schemas and example details that validate', () => {
    const ajv = draft07()
    fc.assert(
      fc.property(contractsArbitrary, (contracts) => {
        const requests = confluentRequests(contracts)
        const events = contracts.contexts.flatMap((context) => context.events.map((event) => ({ event, context })))
        expect(Object.keys(requests)).toHaveLength(events.length)
        for (const { event, context } of events) {
          const subject = event.qualifiedName
          expect(encodeURIComponent(subject)).toBe(subject)
          expect(subject).toMatch(/^[a-z0-9][a-z0-9.-]*\.[A-Z][A-Za-z0-9]*$/)
          const schema = JSON.parse(requests[subject]!.schema)
          expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true)
          const validate = ajv.compile(schema)
          expect(validate(exampleDetail(event, context)), JSON.stringify(validate.errors)).toBe(true)
        }
      }),
      { numRuns: 100 },
    )
  })
})
