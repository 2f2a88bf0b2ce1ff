import { describe, expect, test } from 'vitest'
import { fileText } from '../exportFiles.ts'
import { contextArea, contractsOf, event, ordersAndShipping } from '../testing.ts'
import { boundedContextsDocument, boundedContextsFiles } from './boundedContexts.ts'

describe('bounded contexts as JSON', () => {
  test('each context lists its events with their contracts’ names and consumers, and the stickies it holds by kind', () => {
    const [orders, shipping] = boundedContextsDocument(ordersAndShipping()).contexts
    expect(orders).toMatchObject({
      name: 'Orders',
      slug: 'orders',
      source: 'com.shop.orders',
      team: 'Checkout Team',
      services: ['Order'],
      commands: ['Place Order'],
      aggregates: ['Order'],
      actors: ['Customer'],
      readModels: ['Basket'],
      policies: [],
      externalSystems: [],
      sensitiveFields: [{ event: 'OrderPlaced', path: 'customer.email', sensitivity: 'pii' }],
    })
    expect(orders!.events).toEqual([
      {
        name: 'OrderPlaced',
        schemaName: 'com.shop.orders@OrderPlaced',
        version: '1.0.0',
        service: 'Order',
        pivotal: false,
        severity: 'AMBER',
        consumers: ['shipping'],
        description: '',
      },
    ])
    expect(shipping).toMatchObject({ policies: ['Whenever an order is placed, ship it'], externalSystems: ['Carrier'], services: ['Shipping'] })
    expect(shipping!.events[0]).toMatchObject({ name: 'OrderShipped', pivotal: true, severity: 'GREEN', consumers: [] })
  })

  test('the document says which context consumes which events of another, and carries the export’s problems', () => {
    const document = boundedContextsDocument(ordersAndShipping())
    expect(document.relations).toEqual([{ publisher: 'orders', consumer: 'shipping', events: ['OrderPlaced'] }])
    expect(document.problems).toEqual([])

    const outside = boundedContextsDocument(contractsOf({ contexts: [contextArea('c', 'Orders', 0)], elements: [event('e', 'Stray Thing Happened', 3000)] }))
    expect(outside.problems.map((p) => p.rule)).toEqual(['outside-context'])
    expect(outside.contexts.map((c) => c.name)).toEqual(['Orders', 'Online Shop'])
  })

  test('it is one file, contexts.json, holding the same document', () => {
    const contracts = ordersAndShipping()
    const [file, ...rest] = boundedContextsFiles(contracts)
    expect(rest).toEqual([])
    expect(file!.path).toBe('contexts.json')
    expect(JSON.parse(fileText(file!))).toEqual(boundedContextsDocument(contracts))
  })
})
