import { describe, expect, test } from 'vitest'
import { contextArea, contractsOf, event, field } from './testing.ts'

describe('the contract model of a board', () => {
  test('each context exports its events with registry names, its source, team and sensitive fields, and a severity per event', () => {
    const contracts = contractsOf({
      contexts: [contextArea('orders', 'Order Management', 0, { source: 'com.shop.orders', team: 'Checkout' })],
      elements: [
        event('placed', 'order placed!', 100, [field('customer', { type: 'object', fields: [field('email', { sensitivity: 'pii' })] })]),
        event('paid', 'Payment Taken', 400, [field('card token', { sensitivity: 'secret' })]),
        event('noted', 'Note Added', 700),
      ],
    })
    const [orders] = contracts.contexts
    expect(orders).toMatchObject({ slug: 'order-management', source: 'com.shop.orders', registryName: 'com-shop-orders', team: 'Checkout' })
    expect(orders!.events.map((e) => [e.name, e.schemaName, e.severity])).toEqual([
      ['OrderPlaced', 'com.shop.orders@OrderPlaced', 'AMBER'],
      ['PaymentTaken', 'com.shop.orders@PaymentTaken', 'RED'],
      ['NoteAdded', 'com.shop.orders@NoteAdded', 'GREEN'],
    ])
    expect(orders!.events[1]!.fields[0]!.name).toBe('cardToken')
    expect(orders!.sensitiveFields).toEqual([
      { event: 'OrderPlaced', path: 'customer.email', sensitivity: 'pii' },
      { event: 'PaymentTaken', path: 'cardToken', sensitivity: 'secret' },
    ])
    expect(contracts.problems).toEqual([])
  })

  test('events outside every context go to a default context named after the board, listed as a problem', () => {
    const contracts = contractsOf({ contexts: [contextArea('orders', 'Orders', 0)], elements: [event('placed', 'Order Placed', 100), event('lost', 'Parcel Lost', 3000)] }, 'Online Shop')
    expect(contracts.contexts.map((c) => [c.name, c.events.map((e) => e.name)])).toEqual([
      ['Orders', ['OrderPlaced']],
      ['Online Shop', ['ParcelLost']],
    ])
    expect(contracts.problems).toEqual([expect.objectContaining({ rule: 'outside-context', elementIds: ['lost'] })])
  })

  test('a board with no events exports nothing and says why', () => {
    const contracts = contractsOf({ contexts: [contextArea('orders', 'Orders', 0)] })
    expect(contracts.contexts.flatMap((c) => c.events)).toEqual([])
    expect(contracts.problems.map((p) => p.rule)).toEqual(['no-events'])
  })

  test('sources registries refuse are made valid and reported; none starts with aws.', () => {
    const contracts = contractsOf({
      contexts: [contextArea('a', 'Orders', 0, { source: 'aws.orders' }), contextArea('b', 'Billing', 1000, { source: 'Billing Team!' }), contextArea('c', 'Shipping', 2000)],
      elements: [event('x', 'X Happened', 100), event('y', 'Y Happened', 1100), event('z', 'Z Happened', 2100)],
    })
    expect(contracts.contexts.map((c) => c.source)).toEqual(['custom.aws.orders', 'com.online-shop.billing-team', 'com.online-shop.shipping'])
    expect(contracts.problems.filter((p) => p.rule === 'source-normalised')).toHaveLength(2)
  })

  test('two events of one name in a context get distinct schema names and an error on the second sticky', () => {
    const contracts = contractsOf({ contexts: [contextArea('orders', 'Orders', 0)], elements: [event('a', 'Order Placed', 100), event('b', 'order placed', 400)] })
    expect(contracts.contexts[0]!.events.map((e) => e.name)).toEqual(['OrderPlaced', 'OrderPlaced2'])
    expect(contracts.problems).toEqual([expect.objectContaining({ rule: 'duplicate-event-name', severity: 'error', elementIds: ['b'] })])
  })

  test('fields without names, with clashing names or empty enums export valid and are reported', () => {
    const contracts = contractsOf({
      contexts: [contextArea('orders', 'Orders', 0)],
      elements: [event('a', 'Order Placed', 100, [field(''), field('order id'), field('orderId'), field('status', { type: 'enum' })])],
    })
    const [fields] = contracts.contexts.map((c) => c.events[0]!.fields)
    expect(fields!.map((f) => [f.name, f.type])).toEqual([
      ['field1', 'string'],
      ['orderId', 'string'],
      ['orderId2', 'string'],
      ['status', 'string'],
    ])
    expect(contracts.problems.map((p) => p.rule)).toEqual(['unnamed-field', 'duplicate-field-name', 'enum-without-values'])
  })

  test('an event flowing into a sticky of another context makes that context its consumer', () => {
    const contracts = contractsOf({
      contexts: [contextArea('orders', 'Orders', 0), contextArea('shipping', 'Shipping', 1000)],
      elements: [event('placed', 'Order Placed', 100), { id: 'ship', kind: 'policy', text: 'Whenever an order is placed, ship it', x: 1100, y: 100 }],
      flows: [{ id: 'f', from: 'placed', to: 'ship' }],
    })
    expect(contracts.relations).toEqual([{ publisher: 'orders', consumer: 'shipping', events: ['OrderPlaced'] }])
    expect(contracts.contexts[0]!.events[0]!.consumers).toEqual(['shipping'])
    expect(contracts.contexts[1]!.members.policy).toEqual([{ id: 'ship', name: 'Whenever an order is placed, ship it' }])
  })
})
