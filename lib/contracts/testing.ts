import fc from 'fast-check'
import { arrayItemTypes, type EventField, fieldTypes, sensitivities } from '../board/eventContract.ts'
import type { BoardContent, ContextContent, ElementContent } from '../boardFile/boardContent.ts'
import { emptyBoardContent } from '../boardFile/boardContent.ts'
import { modelOfContent } from '../model/boardModel.ts'
import { type ContractModel, contractModel, memberKinds } from './contractModel.ts'
import { type ExportFile, fileText } from './exportFiles.ts'

/** For tests: boards with contexts and event contracts, hand-made or generated, and their contract models. */

/** Export files as they are written: each path with its text. */
export const written = (files: readonly ExportFile[]) => files.map((file) => ({ path: file.path, content: fileText(file) }))

export const contextArea = (id: string, name: string, x: number, extra: Partial<ContextContent> = {}): ContextContent => ({
  id,
  name,
  source: '',
  team: '',
  description: '',
  x,
  y: 0,
  w: 1000,
  h: 600,
  ...extra,
})

export const field = (name: string, extra: Partial<EventField> = {}): EventField => ({
  id: name || 'unnamed',
  name,
  type: 'string',
  itemType: 'string',
  enumValues: [],
  fields: [],
  required: true,
  description: '',
  example: '',
  sensitivity: 'none',
  ...extra,
})

/** A domain event at (x, y) with the given fields. */
export const event = (id: string, text: string, x: number, fields: EventField[] = [], extra: Partial<ElementContent> = {}): ElementContent => ({
  id,
  kind: 'event',
  text,
  x,
  y: 100,
  contract: { description: '', version: 1, producer: '', fields },
  ...extra,
})

export const contractsOf = (content: Partial<BoardContent>, name = 'Online Shop'): ContractModel =>
  contractModel(modelOfContent({ ...emptyBoardContent(name), ...content }), name)

/** A policy below the events' row, so only an arrow makes it react to one. */
const policy = (id: string, text: string, x: number): ElementContent => ({ id, kind: 'policy', text, x, y: 300 })

/**
 * A small shop: Orders publishes Order Placed (personal data inside), Billing
 * publishes Payment Received (version 2, a secret inside) and reacts to Order
 * Placed with a policy, so Billing consumes what Orders publishes.
 */
export const shop = (): ContractModel =>
  contractsOf({
    contexts: [
      contextArea('orders', 'Orders', 0, { source: 'com.shop.orders', team: 'Checkout Team' }),
      contextArea('billing', 'Billing', 1000, { source: 'com.shop.billing', description: 'Takes the money.' }),
    ],
    elements: [
      event('placed', 'Order Placed', 100, [
        field('orderId'),
        field('customer', { type: 'object', fields: [field('email', { sensitivity: 'pii' }), field('name', { required: false })] }),
        field('placedAt', { type: 'date-time' }),
        field('status', { type: 'enum', enumValues: ['placed', 'paid'] }),
      ]),
      policy('charge', 'Whenever an order is placed, charge the customer', 1100),
      event('paid', 'Payment Received', 1400, [], {
        contract: { description: 'The card was charged.', version: 2, producer: '', fields: [field('orderId'), field('amount', { type: 'number', example: '42.5' }), field('cardToken', { sensitivity: 'secret' })] },
      }),
    ],
    flows: [{ id: 'placed-charge', from: 'placed', to: 'charge' }],
  })

/** Text as people type it: any script, punctuation, emoji, blanks. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('Order Placed', 'order placed', 'Zahlung eingegangen', 'Commande expédiée', '注文確定', 'aws.events', '  ', '42 things', 'a@b.c/d', 'Order Placed'),
)

const fieldArbitrary: fc.Memo<EventField> = fc.memo((depth) =>
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    name: anyText,
    type: depth > 1 ? fc.constantFrom(...fieldTypes) : fc.constantFrom(...fieldTypes.filter((t) => t !== 'object' && t !== 'array')),
    itemType: depth > 1 ? fc.constantFrom(...arrayItemTypes) : fc.constantFrom(...arrayItemTypes.filter((t) => t !== 'object')),
    enumValues: fc.uniqueArray(anyText, { maxLength: 4 }),
    fields: depth > 1 ? fc.array(fieldArbitrary(depth - 1), { maxLength: 3 }) : fc.constant([]),
    required: fc.boolean(),
    description: anyText,
    example: fc.oneof(anyText, fc.constantFrom('12', '-3.5', 'true', 'false', '2026-11-23T10:00:00Z', 'not a date')),
    sensitivity: fc.constantFrom(...sensitivities),
  }),
)

/**
 * Boards of up to four contexts (some overlapping, some with hostile sources), a dozen events (some
 * outside every context), other stickies, and arrows between any two of them, across contexts too.
 */
export const boardContentArbitrary: fc.Arbitrary<BoardContent> = fc
  .record({
    name: anyText,
    contexts: fc.array(fc.record({ name: anyText, source: fc.oneof(anyText, fc.constantFrom('com.acme.orders', 'aws.orders', 'ORDERS', '')), team: anyText }), {
      maxLength: 4,
    }),
    events: fc.array(fc.record({ text: anyText, x: fc.integer({ min: -500, max: 4500 }), fields: fc.array(fieldArbitrary(3), { maxLength: 5 }), pivotal: fc.boolean() }), {
      maxLength: 12,
    }),
    members: fc.array(fc.record({ kind: fc.constantFrom(...memberKinds), text: anyText, x: fc.integer({ min: -500, max: 4500 }) }), { maxLength: 8 }),
    arrows: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
  })
  .map(({ name, contexts, events, members, arrows }) => {
    const elements: ElementContent[] = [
      ...events.map((e, i) => event(`e${i}`, e.text, e.x, e.fields, { pivotal: e.pivotal })),
      ...members.map((m, i): ElementContent => ({ id: `m${i}`, kind: m.kind, text: m.text, x: m.x, y: 350 })),
    ]
    return {
      ...emptyBoardContent(name),
      contexts: contexts.map((c, i) => contextArea(`c${i}`, c.name, i * 1000, { source: c.source, team: c.team })),
      elements,
      flows: elements.length === 0 ? [] : arrows.map(([from, to], i) => ({ id: `f${i}`, from: elements[from % elements.length]!.id, to: elements[to % elements.length]!.id })),
    }
  })

/**
 * Two contexts with every kind of sticky: Orders, whose Order aggregate
 * produces OrderPlaced, and Shipping, whose policy reacts to it.
 */
export const ordersAndShipping = () =>
  contractsOf({
    contexts: [
      contextArea('orders', 'Orders', 0, { source: 'com.shop.orders', team: 'Checkout Team', description: 'Takes orders and “confirms” them.' }),
      contextArea('shipping', 'Shipping', 1000),
    ],
    elements: [
      { id: 'customer', kind: 'actor', text: 'Customer', x: 20, y: 300 },
      { id: 'basket', kind: 'readModel', text: 'Basket', x: 20, y: 420 },
      { id: 'place', kind: 'command', text: 'Place Order', x: 150, y: 100 },
      { id: 'order', kind: 'aggregate', text: 'Order', x: 350, y: 300 },
      event('placed', 'Order Placed', 650, [
        field('orderId'),
        field('lines', { type: 'array', itemType: 'object', fields: [field('sku'), field('quantity', { type: 'integer' })] }),
        field('customer', { type: 'object', fields: [field('email', { sensitivity: 'pii', description: 'Where the "receipt" goes' })] }),
        field('channel', { type: 'enum', enumValues: ['web', 'shop'], required: false }),
      ]),
      { id: 'ship', kind: 'policy', text: 'Whenever an order is placed, ship it', x: 1050, y: 100 },
      { id: 'carrier', kind: 'externalSystem', text: 'Carrier', x: 1350, y: 300 },
      event('shipped', 'Order Shipped', 1600, [field('trackingId'), field('placedAt', { type: 'date-time' })], { pivotal: true }),
    ],
    flows: [
      { id: 'produces', from: 'order', to: 'placed' },
      { id: 'reacts', from: 'placed', to: 'ship' },
    ],
  })

/** The contract models of random boards. */
export const contractsArbitrary: fc.Arbitrary<ContractModel> = boardContentArbitrary.map((content) => contractModel(modelOfContent(content), content.name))
