import { createShapeId } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { emptyContract, newField } from '../board/eventContract.ts'
import { buildBoardModel, elementsOf } from './boardModel.ts'
import { boardRecords, row, sticky } from './testing.ts'

const area = (id: string, name: string, x: number, y: number, w: number, h: number) => ({ id, name, source: '', team: '', description: '', x, y, w, h })
const modelOf = (content: Parameters<typeof boardRecords>[0]) => buildBoardModel(boardRecords(content))

describe('board model', () => {
  test('elements are listed by kind, named by their shape id without "shape:", with text, bounds, context and lane', () => {
    const records = boardRecords({
      contexts: [area('orders', 'Orders', 0, 0, 1200, 400)],
      lanes: [{ id: 'customer', label: 'Customer', x: 0, y: 0, w: 1200, h: 400 }],
      elements: row(40, 40, sticky('command', 'Place Order'), sticky('event', 'Order Placed')),
    })
    expect(records.some((r) => r.id === createShapeId('place-order'))).toBe(true)
    const model = buildBoardModel(records)
    expect(model.elements.command).toEqual([
      { id: 'place-order', kind: 'command', text: 'Place Order', bounds: { x: 40, y: 40, w: 160, h: 160 }, contextId: 'orders', laneId: 'customer', row: 0 },
    ])
    expect(model.elements.event.map((e) => e.id)).toEqual(['order-placed'])
    expect(model.elements.policy).toEqual([])
  })

  test('a sticky belongs to the context around its centre, the innermost one when contexts nest', () => {
    const model = modelOf({
      contexts: [area('sales', 'Sales', 0, 0, 2000, 1000), area('checkout', 'Checkout', 100, 100, 600, 400)],
      elements: [
        ...row(150, 150, sticky('event', 'Basket Checked Out')),
        ...row(1000, 150, sticky('event', 'Discount Granted')),
        // Most of it lies inside Sales, but its centre does not.
        ...row(1930, 150, sticky('event', 'Invoice Sent')),
      ],
    })
    const contextOf = (id: string) => elementsOf(model).find((e) => e.id === id)?.contextId
    expect(contextOf('basket-checked-out')).toBe('checkout')
    expect(contextOf('discount-granted')).toBe('sales')
    expect(contextOf('invoice-sent')).toBeNull()
    expect(model.contexts.map((c) => [c.id, c.elementIds])).toEqual([
      ['checkout', ['basket-checked-out']],
      ['sales', ['discount-granted']],
    ])
    expect(model.outsideContexts).toEqual(['invoice-sent'])
  })

  test('events read along each row, rows top to bottom, on the board, per context and per lane: a drawn lane is a row', () => {
    const model = modelOf({
      contexts: [area('ordering', 'Ordering', 0, 0, 700, 800), area('shipping', 'Shipping', 700, 0, 700, 800)],
      lanes: [
        { id: 'shop', label: 'Shop', x: 0, y: 0, w: 1400, h: 400 },
        { id: 'warehouse', label: 'Warehouse', x: 0, y: 400, w: 1400, h: 400 },
      ],
      elements: [
        ...row(900, 500, sticky('event', 'Parcel Shipped')),
        ...row(100, 500, sticky('event', 'Stock Reserved')),
        ...row(100, 100, sticky('event', 'Order Placed'), sticky('command', 'Pay'), sticky('event', 'Order Paid')),
        ...row(900, 100, sticky('event', 'Customer Notified')),
      ],
    })
    expect(model.timeline).toEqual(['order-placed', 'order-paid', 'customer-notified', 'stock-reserved', 'parcel-shipped'])
    expect(model.contexts.map((c) => [c.name, c.timeline])).toEqual([
      ['Ordering', ['order-placed', 'order-paid', 'stock-reserved']],
      ['Shipping', ['customer-notified', 'parcel-shipped']],
    ])
    expect(model.lanes.map((l) => [l.label, l.timeline])).toEqual([
      ['Shop', ['order-placed', 'order-paid', 'customer-notified']],
      ['Warehouse', ['stock-reserved', 'parcel-shipped']],
    ])
    expect(model.rows.map((r) => [r.laneId, r.timeline])).toEqual([
      ['shop', ['order-placed', 'order-paid', 'customer-notified']],
      ['warehouse', ['stock-reserved', 'parcel-shipped']],
    ])
    expect(model.contexts[0]!.elementIds).toEqual(['order-placed', 'pay', 'order-paid', 'stock-reserved'])
  })

  test('pivotal events and boundaries are listed left to right, boundaries with their x', () => {
    const model = modelOf({
      boundaries: [
        { id: 'paid', label: 'Paid', x: 900, y: 0, h: 600 },
        { id: 'ordered', label: '', x: 300, y: 0, h: 600 },
      ],
      elements: row(0, 100, sticky('event', 'Order Placed', { pivotal: true }), sticky('event', 'Order Paid'), sticky('event', 'Order Shipped', { pivotal: true })),
    })
    expect(model.pivotalEvents).toEqual(['order-placed', 'order-shipped'])
    expect(model.boundaries).toEqual([
      { id: 'ordered', label: '', x: 300, top: 0, bottom: 600 },
      { id: 'paid', label: 'Paid', x: 900, top: 0, bottom: 600 },
    ])
  })

  test('an event carries its contract, and its producer is the contract’s, else its aggregate’s, else its context’s', () => {
    const contract = { ...emptyContract(), producer: 'Billing', fields: [newField('f1', 'amount')] }
    const model = modelOf({
      contexts: [area('orders', 'Orders', 0, 0, 3000, 800)],
      elements: [
        ...row(40, 40, sticky('aggregate', 'Order'), sticky('event', 'Order Placed')),
        ...row(40, 400, sticky('event', 'Invoice Sent', { contract })),
        ...row(1000, 400, sticky('event', 'Order Archived')),
      ],
    })
    const producerOf = (id: string) => model.elements.event.find((e) => e.id === id)?.producer
    expect(producerOf('invoice-sent')).toEqual({ from: 'contract', name: 'Billing' })
    expect(producerOf('order-placed')).toEqual({ from: 'aggregate', name: 'Order', elementId: 'order' })
    expect(producerOf('order-archived')).toEqual({ from: 'context', name: 'Orders', contextId: 'orders' })
    expect(model.elements.event.find((e) => e.id === 'invoice-sent')?.contract).toEqual(contract)
  })

  test('an event outside every context, with no aggregate or named producer, has none', () => {
    const model = modelOf({ elements: row(0, 0, sticky('event', 'Order Placed')) })
    expect(model.elements.event[0]?.producer).toBeNull()
  })

  test('hotspots say whether they are resolved', () => {
    const model = modelOf({ elements: row(0, 0, sticky('hotspot', 'Who refunds?'), sticky('hotspot', 'Which currency?', { resolved: true })) })
    expect(model.elements.hotspot.map((h) => [h.text, h.resolved])).toEqual([
      ['Who refunds?', false],
      ['Which currency?', true],
    ])
  })

  test('the workshop level is the document’s', () => {
    expect(modelOf({ level: 'design' }).level).toBe('design')
    expect(modelOf({}).level).toBe('big-picture')
  })

  test('a record that fails the board schema is left out instead of failing the model', () => {
    const records = boardRecords({ elements: row(0, 0, sticky('event', 'Order Placed'), sticky('event', 'Order Paid')) })
    const broken = records.map((r) => (r.id === createShapeId('order-paid') ? { ...r, props: { kind: 'banana' } } : r)) as typeof records
    expect(elementsOf(buildBoardModel(broken)).map((e) => e.id)).toEqual(['order-placed'])
  })

  test('the model is plain JSON, as the model endpoint sends it', () => {
    const model = modelOf({ elements: row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')), flows: [] })
    expect(JSON.parse(JSON.stringify(model))).toEqual(model)
  })
})
