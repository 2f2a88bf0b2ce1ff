import { DiagnosticSeverity } from '@asyncapi/parser'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { ContractModel } from '../contractModel.ts'
import { asyncApi300Document, draft07, offlineAsyncApiParser } from '../schemaValidators.ts'
import { contextArea, contractsArbitrary, contractsOf, event, shop } from '../testing.ts'
import { asyncApiDocuments, asyncApiFiles } from './asyncApi.ts'

type Document = Record<string, any>

/** What the parser reports as errors (warnings and hints aside), and what it has tried to fetch so far. */
async function parserErrors(documents: Record<string, unknown>, { parser, fetched } = offlineAsyncApiParser()) {
  const errors: string[] = []
  for (const [slug, document] of Object.entries(documents)) {
    const { diagnostics } = await parser.parse(JSON.stringify(document))
    errors.push(...diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${slug}: ${d.code} ${d.message} at ${d.path.join('/')}`))
  }
  return { errors, fetched }
}

/** Every `$ref` of the document, and whether it points inside it at something there. */
function references(document: unknown): { ref: string; found: boolean }[] {
  const refs: string[] = []
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return
    if ('$ref' in value && typeof value.$ref === 'string') refs.push(value.$ref)
    Object.values(value).forEach(walk)
  }
  walk(document)
  const at = (ref: string) => ref.slice(2).split('/').reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document)
  return refs.map((ref) => ({ ref, found: ref.startsWith('#/') && at(ref) !== undefined }))
}

/** Messages whose payload is no draft-07 schema, or whose example does not fit it. */
const misfits = (document: Document, ajv: ReturnType<typeof draft07>) =>
  (Object.values(document.components.messages) as Document[])
    .filter((message) => !ajv.validateSchema(message.payload.schema) || !ajv.validate(message.payload.schema, message.examples[0].payload))
    .map((message) => message.name)

/** A context publishing an event of the same name as the shop's Orders, and a third consuming both. */
const twoOrderPlaced = (): ContractModel =>
  contractsOf({
    contexts: [
      contextArea('shop', 'Shop', 0, { source: 'com.shop.orders' }),
      contextArea('market', 'Marketplace', 1000, { source: 'com.market.orders' }),
      contextArea('billing', 'Billing', 2000),
    ],
    elements: [event('a', 'Order Placed', 100), event('b', 'Order Placed', 1100), { id: 'charge', kind: 'policy', text: 'Charge', x: 2100, y: 300 }],
    flows: [
      { id: 'a-charge', from: 'a', to: 'charge' },
      { id: 'b-charge', from: 'b', to: 'charge' },
    ],
  })

describe('AsyncAPI export', () => {
  test('a context is an application that sends its events: a channel at <source>.<EventName>, a send operation and a message each, named and versioned after the context', () => {
    const documents = asyncApiDocuments(shop())
    expect(Object.keys(documents)).toEqual(['orders', 'billing'])
    const orders = documents.orders as Document
    expect(orders.asyncapi).toBe('3.0.0')
    expect(orders.info).toEqual({
      title: 'Orders',
      version: '1.0.0',
      description: 'What Orders sends and receives, from the EventStorming board Online Shop.',
      contact: { name: 'Checkout Team' },
      'x-sensitive-fields': [{ event: 'OrderPlaced', path: 'customer.email', sensitivity: 'pii' }],
    })
    expect(orders.channels).toEqual({
      'com.shop.orders.OrderPlaced': { address: 'com.shop.orders.OrderPlaced', messages: { OrderPlaced: { $ref: '#/components/messages/com.shop.orders.OrderPlaced' } } },
    })
    expect(orders.operations).toEqual({
      sendOrderPlaced: {
        action: 'send',
        channel: { $ref: '#/channels/com.shop.orders.OrderPlaced' },
        messages: [{ $ref: '#/channels/com.shop.orders.OrderPlaced/messages/OrderPlaced' }],
      },
    })
    const message = orders.components.messages['com.shop.orders.OrderPlaced']
    expect(message).toMatchObject({ name: 'OrderPlaced', title: 'Order Placed', correlationId: { location: '$message.payload#/metadata/correlationId' } })
    expect(message.payload.schemaFormat).toBe('application/schema+json;version=draft-07')
    expect(message.payload.schema.properties.data.properties.customer.properties.email).toEqual({ type: 'string', 'x-sensitivity': 'pii' })
  })

  test('a context that consumes another’s event receives it, with the publisher’s channel and message copied in, and takes the newest version it speaks', () => {
    const { orders, billing } = asyncApiDocuments(shop()) as Record<string, Document>
    expect(billing!.info).toMatchObject({ title: 'Billing', version: '2.0.0', description: 'Takes the money.' })
    expect(Object.keys(billing!.operations)).toEqual(['sendPaymentReceived', 'receiveOrderPlaced'])
    expect(billing!.operations.receiveOrderPlaced).toMatchObject({ action: 'receive', summary: 'Published by Orders.' })
    expect(billing!.channels['com.shop.orders.OrderPlaced']).toEqual(orders!.channels['com.shop.orders.OrderPlaced'])
    expect(billing!.components.messages['com.shop.orders.OrderPlaced']).toEqual(orders!.components.messages['com.shop.orders.OrderPlaced'])
    expect(orders!.operations).not.toHaveProperty('receivePaymentReceived')
  })

  test('two events of one name from two publishers are received by two operations on two channels', () => {
    const billing = asyncApiDocuments(twoOrderPlaced()).billing as Document
    expect(Object.keys(billing.channels)).toEqual(['com.shop.orders.OrderPlaced', 'com.market.orders.OrderPlaced'])
    expect(billing.operations.receiveOrderPlaced.channel).toEqual({ $ref: '#/channels/com.shop.orders.OrderPlaced' })
    expect(billing.operations.receiveOrderPlaced2.channel).toEqual({ $ref: '#/channels/com.market.orders.OrderPlaced' })
  })

  test('a context with nothing to send or receive has no document, and every other one its file', () => {
    const contracts = contractsOf({ contexts: [contextArea('shop', 'Shop', 0), contextArea('idle', 'Idle', 1000)], elements: [event('a', 'Order Placed', 100)] })
    expect(Object.keys(asyncApiDocuments(contracts))).toEqual(['shop'])
    expect(asyncApiFiles(shop()).map((f) => f.path)).toEqual(['asyncapi/orders.json', 'asyncapi/billing.json'])
  })

  test('every document refers only inside itself, its payloads are draft-07 and its examples fit them', () => {
    const ajv = draft07()
    for (const document of Object.values(asyncApiDocuments(shop())) as Document[]) {
      expect(references(document).filter((r) => !r.found)).toEqual([])
      expect(misfits(document, ajv), JSON.stringify(ajv.errors)).toEqual([])
    }
  })

  test('@asyncapi/parser reads every document with no error and without fetching anything', async () => {
    expect(await parserErrors({ ...asyncApiDocuments(shop()), ...asyncApiDocuments(twoOrderPlaced()) })).toEqual({ errors: [], fetched: [] })
  })

  test('a reference outside the document would be fetched: the offline parser answers it and tells', async () => {
    const orders = structuredClone(asyncApiDocuments(shop()).orders) as Document
    orders.components.messages['com.shop.orders.OrderPlaced'].payload.schema = { $ref: 'https://schemas.example.com/order-placed.json' }
    expect((await parserErrors({ orders })).fetched).toEqual(['https://schemas.example.com/order-placed.json'])
  })

  test('any board gives AsyncAPI 3.0 documents that refer only inside themselves, send every event of their context and receive every one it consumes', () => {
    const validDocument = asyncApi300Document()
    const ajv = draft07()
    fc.assert(
      fc.property(contractsArbitrary, (contracts) => {
        const documents = asyncApiDocuments(contracts) as Record<string, Document>
        for (const context of contracts.contexts) {
          const document = documents[context.slug]
          const consumed = contracts.contexts.flatMap((c) => c.events.filter((e) => e.consumers.includes(context.slug)))
          if (!document) {
            expect(context.events.length + consumed.length).toBe(0)
            continue
          }
          expect(validDocument(document), JSON.stringify(validDocument.errors)).toBe(true)
          expect(references(document).filter((r) => !r.found)).toEqual([])
          const operations = Object.values(document.operations) as Document[]
          const channelsOf = (action: string) => operations.filter((o) => o.action === action).map((o) => o.channel.$ref)
          expect(channelsOf('send')).toEqual(context.events.map((e) => `#/channels/${e.qualifiedName}`))
          expect(channelsOf('receive')).toEqual(consumed.map((e) => `#/channels/${e.qualifiedName}`))
          expect(misfits(document, ajv), JSON.stringify(ajv.errors)).toEqual([])
        }
      }),
      { numRuns: 100 },
    )
  })

  test('any board’s documents are read by @asyncapi/parser with no error and without fetching anything', async () => {
    // The parser compiles AsyncAPI's whole JSON Schema for every document (about 0.4 s here), hence fewer boards than above.
    const parser = offlineAsyncApiParser()
    await fc.assert(
      fc.asyncProperty(contractsArbitrary, async (contracts) => {
        expect(await parserErrors(asyncApiDocuments(contracts), parser)).toEqual({ errors: [], fetched: [] })
      }),
      { numRuns: 6 },
    )
  })
})
