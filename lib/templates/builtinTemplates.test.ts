import { describe, expect, test } from 'vitest'
import { contentToRecords } from '../boardFile/contentToRecords.ts'
import { boardContracts } from '../contracts/boardContracts.ts'
import { exportFormats } from '../contracts/formats.ts'
import { zipFiles } from '../contracts/zip.ts'
import { elementsOf, modelOfContent } from '../model/boardModel.ts'
import { checkModel } from '../model/checks.ts'
import { builtinContent, builtinTemplates, findBuiltinTemplate } from './builtinTemplates.ts'

const contentOf = (id: string) => builtinContent(findBuiltinTemplate(id)!)

describe('built-in templates', () => {
  test('there are the three workshop scaffolds and the online shop, each read by the import reader into a valid board', () => {
    expect(builtinTemplates.map((t) => t.id)).toEqual(['big-picture', 'process-level', 'software-design', 'online-shop'])
    for (const template of builtinTemplates) {
      const content = builtinContent(template)
      expect(content.name, template.id).not.toBe('')
      expect(contentToRecords(content).length, template.id).toBeGreaterThan(2)
    }
  })

  test('each scaffold is set to its workshop level and guides the group with labels and lanes or a context', () => {
    const levels = { 'big-picture': 'big-picture', 'process-level': 'process', 'software-design': 'design' }
    for (const [id, level] of Object.entries(levels)) {
      const content = contentOf(id)
      expect(content.level, id).toBe(level)
      expect(content.labels.length, id).toBeGreaterThanOrEqual(2)
      expect(content.lanes.length + content.contexts.length, id).toBeGreaterThanOrEqual(1)
    }
    expect(contentOf('big-picture').labels.map((l) => l.text.slice(0, 2))).toEqual(expect.arrayContaining(['1.', '2.', '3.', '4.', '5.']))
  })

  test('no scaffold has anything for the model checks to report', () => {
    for (const id of ['big-picture', 'process-level', 'software-design']) expect(checkModel(modelOfContent(contentOf(id))), id).toEqual([])
  })

  test('a board started from a template is a fresh copy: changing one leaves the template as it was', () => {
    const first = contentOf('online-shop')
    first.elements[0]!.text = 'Changed'
    expect(contentOf('online-shop').elements[0]!.text).toBe('Product Catalogue')
  })
})

describe('the online shop example', () => {
  const content = contentOf('online-shop')
  const model = modelOfContent(content)
  const text = new Map(elementsOf(model).map((e) => [e.id, e.text]))
  const texts = (ids: string[]) => ids.map((id) => text.get(id))

  test('tells the order flow from basket to refund in eleven events, in time order', () => {
    // The context bands step down the board, each starting where the one above ends: they read left to right (README: how a board is read).
    expect(texts(model.timeline)).toEqual([
      'Item Added To Basket',
      'Order Placed',
      'Payment Authorised',
      'Payment Declined',
      'Payment Captured',
      'Order Picked',
      'Parcel Shipped',
      'Parcel Delivered',
      'Return Requested',
      'Return Received',
      'Refund Issued',
    ])
    for (const kind of ['command', 'actor', 'aggregate', 'policy', 'readModel', 'externalSystem'] as const) {
      expect(model.elements[kind].length, kind).toBeGreaterThanOrEqual(kind === 'externalSystem' ? 2 : 3)
    }
  })

  test('has three bounded contexts holding every step, pivotal events with boundaries after them, and titled sections', () => {
    expect(model.contexts.map((c) => [c.name, c.source])).toEqual([
      ['Ordering', 'com.shop.ordering'],
      ['Payments', 'com.shop.payments'],
      ['Fulfilment', 'com.shop.fulfilment'],
    ])
    expect(model.contexts.map((c) => texts(c.timeline))).toEqual([
      ['Item Added To Basket', 'Order Placed'],
      ['Payment Authorised', 'Payment Declined', 'Payment Captured', 'Refund Issued'],
      ['Order Picked', 'Parcel Shipped', 'Parcel Delivered', 'Return Requested', 'Return Received'],
    ])
    expect(texts(model.pivotalEvents)).toEqual(['Order Placed', 'Payment Captured', 'Parcel Shipped'])
    const pivotalRight = model.pivotalEvents.map((id) => model.elements.event.find((e) => e.id === id)!).map((e) => e.bounds.x + e.bounds.w)
    model.boundaries.forEach((boundary, i) => {
      expect(boundary.x).toBeGreaterThan(pivotalRight[i]!)
      expect(boundary.x - pivotalRight[i]!).toBeLessThan(100)
    })
    expect(model.labels.map((l) => l.text)).toEqual(['ORDER', 'PAY', 'FULFIL', 'DELIVER & RETURN'])
  })

  test('reads as the process grammar, and its contexts talk through the events that cross them', () => {
    const flows = model.flows.map((f) => `${text.get(f.from)} → ${text.get(f.to)}`)
    expect(flows).toEqual(
      expect.arrayContaining([
        'Customer → Place Order',
        'Place Order → Order',
        'Order → Order Placed',
        'Order Placed → Whenever an order is placed, then authorise its payment',
        'Payment Provider → Payment Declined',
        'Return Received → Whenever a return is received, then refund the customer',
      ]),
    )
    const contracts = boardContracts(model, content.name, { payloadBudgetBytes: 256 * 1024 })
    expect(contracts.relations.map((r) => `${r.publisher} → ${r.consumer}: ${r.events.join(', ')}`).sort()).toEqual([
      'fulfilment → payments: ReturnReceived',
      'ordering → payments: OrderPlaced',
      'payments → fulfilment: PaymentCaptured',
    ])
  })

  test('the model checks find only the two hotspots left open on purpose', () => {
    expect(checkModel(model).map((f) => `${f.rule}: ${text.get(f.elementIds[0]!)}`)).toEqual([
      'open-hotspot: Retry a declined payment, or cancel the order?',
      'open-hotspot: Partial refunds for damaged returns?',
    ])
  })

  test('every event has a contract with fields, personal data marked, and the whole export has no problem', () => {
    for (const event of model.elements.event) {
      expect(event.contract.fields.length, event.text).toBeGreaterThanOrEqual(3)
      expect(event.contract.description, event.text).not.toBe('')
    }
    const orderPlaced = model.elements.event.find((e) => e.text === 'Order Placed')!
    expect(orderPlaced.contract.fields.map((f) => f.name)).toEqual(['orderId', 'customer', 'lines', 'amount', 'currency', 'shippingAddress', 'placedAt'])
    const contracts = boardContracts(model, content.name, { payloadBudgetBytes: 256 * 1024 })
    expect(contracts.problems).toEqual([])
    expect(contracts.contexts.find((c) => c.slug === 'ordering')!.sensitiveFields.map((f) => f.path)).toEqual(['customer.email', 'shippingAddress'])
    expect(zipFiles(exportFormats.bundle.files(contracts)).byteLength).toBeGreaterThan(0)
  })
})
