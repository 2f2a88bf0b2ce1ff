import { describe, expect, test } from 'vitest'
import { buildBoardModel, elementsOf } from './boardModel.ts'
import { boardRecords, row, sticky } from './testing.ts'

const modelOf = (content: Parameters<typeof boardRecords>[0]) => buildBoardModel(boardRecords(content))
const event = (text: string) => sticky('event', text)

describe('flow rows', () => {
  test('events stacked in columns make one row; a clear gap under them starts the next row', () => {
    const model = modelOf({
      elements: [
        ...row(0, 0, event('Order Placed'), event('Order Paid')),
        // 20 under the first line: stacked in the same row.
        ...row(0, 180, event('Invoice Sent')),
        // A sticky's height under the stack: another row.
        ...row(0, 500, event('Claim Filed'), event('Claim Paid')),
      ],
    })
    expect(model.rows.map((r) => r.timeline)).toEqual([
      ['order-placed', 'invoice-sent', 'order-paid'],
      ['claim-filed', 'claim-paid'],
    ])
    expect(model.rows[0]!.bounds).toEqual({ x: 0, y: 0, w: 360, h: 340 })
  })

  test('hotspots, commands and questions between rows join the nearer row instead of making one', () => {
    const model = modelOf({
      elements: [
        ...row(0, 0, event('Order Placed'), event('Order Paid')),
        ...row(0, 900, event('Parcel Packed'), event('Parcel Sent')),
        ...row(40, 300, sticky('hotspot', 'Who pays postage?')),
        ...row(200, 380, sticky('event', 'What if it is out of stock?')),
        ...row(0, 640, sticky('command', 'Pack Parcel')),
      ],
    })
    expect(model.rows.map((r) => r.elementIds)).toEqual([
      ['order-placed', 'who-pays-postage', 'order-paid', 'what-if-it-is-out-of-stock'],
      ['pack-parcel', 'parcel-packed', 'parcel-sent'],
    ])
    expect(elementsOf(model).find((e) => e.id === 'pack-parcel')?.row).toBe(1)
  })

  test('a drawn lane is one row however its events are spread over its height, and holds what lies in it', () => {
    const model = modelOf({
      lanes: [{ id: 'kitchen', label: 'Kitchen', x: 0, y: 0, w: 2000, h: 1000 }],
      elements: [...row(0, 40, event('Dough Made')), ...row(400, 700, event('Pizza Baked')), ...row(800, 400, sticky('hotspot', 'Oven too small?'))],
    })
    expect(model.rows).toEqual([
      { laneId: 'kitchen', line: 0, bounds: { x: 0, y: 40, w: 560, h: 820 }, elementIds: ['dough-made', 'pizza-baked', 'oven-too-small'], timeline: ['dough-made', 'pizza-baked'] },
    ])
  })

  test('rows one above the other are read top to bottom; a timeline stepping down from line to line is read left to right', () => {
    const parallel = modelOf({ elements: [...row(0, 0, event('Quote Sent'), event('Policy Issued')), ...row(0, 600, event('Claim Filed'), event('Claim Paid'))] })
    expect(parallel.timeline).toEqual(['quote-sent', 'policy-issued', 'claim-filed', 'claim-paid'])
    // Each line starts where the one above ends; the refund comes back up to the second line, far to the right.
    const staircase = modelOf({
      elements: [
        ...row(0, 0, event('Order Placed')),
        ...row(400, 600, event('Payment Taken')),
        ...row(800, 1200, event('Parcel Sent'), event('Parcel Delivered')),
        ...row(2400, 600, event('Refund Paid')),
      ],
    })
    expect(staircase.timeline).toEqual(['order-placed', 'payment-taken', 'parcel-sent', 'parcel-delivered', 'refund-paid'])
    // More than four stickies apart on one line: two rows of that line.
    expect(staircase.rows.map((r) => [r.line, r.timeline])).toEqual([
      [0, ['order-placed']],
      [1, ['payment-taken']],
      [2, ['parcel-sent', 'parcel-delivered']],
      [1, ['refund-paid']],
    ])
  })

  test('a board of questions only, or without events, still reads in rows', () => {
    expect(modelOf({ elements: row(0, 0, event('Who pays?'), event('When?')) }).rows.map((r) => r.timeline)).toEqual([['who-pays', 'when']])
    expect(modelOf({ elements: [...row(0, 0, sticky('command', 'Pay')), ...row(0, 600, sticky('command', 'Ship'))] }).rows.map((r) => r.elementIds)).toEqual([
      ['pay'],
      ['ship'],
    ])
  })
})
