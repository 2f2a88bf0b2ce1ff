import { describe, expect, test } from 'vitest'
import { buildBoardModel } from './boardModel.ts'
import { maxFlowGap } from './flows.ts'
import { boardRecords, row, sticky } from './testing.ts'

const flowsOf = (content: Parameters<typeof boardRecords>[0]) =>
  buildBoardModel(boardRecords(content)).flows.map((f) => `${f.from} → ${f.to} (${f.via})`)

describe('flows', () => {
  test('neighbouring stickies flow in the grammar’s reading order: actor, command, aggregate, event, policy, command', () => {
    const elements = [
      ...row(
        0,
        200,
        sticky('readModel', 'Menu'),
        sticky('actor', 'Customer'),
        sticky('command', 'Place Order'),
        sticky('aggregate', 'Order'),
        sticky('event', 'Order Placed'),
        sticky('policy', 'Whenever an order is placed, then bill it'),
        sticky('command', 'Bill Order'),
        sticky('externalSystem', 'Payment provider'),
        sticky('event', 'Order Billed'),
      ),
    ]
    expect(flowsOf({ elements })).toEqual([
      'menu → customer (adjacency)',
      'customer → place-order (adjacency)',
      'place-order → order (adjacency)',
      'order → order-placed (adjacency)',
      'order-placed → whenever-an-order-is-placed-then-bill-it (adjacency)',
      'whenever-an-order-is-placed-then-bill-it → bill-order (adjacency)',
      'bill-order → payment-provider (adjacency)',
      'payment-provider → order-billed (adjacency)',
    ])
  })

  test('a command flows to the event right of it on about the same row', () => {
    const elements = [...row(0, 0, sticky('command', 'Place Order')), ...row(200, 60, sticky('event', 'Order Placed'))]
    expect(flowsOf({ elements })).toEqual(['place-order → order-placed (adjacency)'])
  })

  test('stickies too far apart, on other rows, or in other contexts do not flow', () => {
    const farApart = [...row(0, 0, sticky('command', 'Place Order')), ...row(160 + maxFlowGap + 1, 0, sticky('event', 'Order Placed'))]
    const onAnotherRow = [...row(0, 0, sticky('command', 'Place Order')), ...row(200, 130, sticky('event', 'Order Placed'))]
    const acrossContexts = {
      contexts: [
        { id: 'a', name: 'A', source: '', team: '', description: '', x: -20, y: -20, w: 200, h: 200 },
        { id: 'b', name: 'B', source: '', team: '', description: '', x: 180, y: -20, w: 200, h: 200 },
      ],
      elements: row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')),
    }
    expect(flowsOf({ elements: farApart })).toEqual([])
    expect(flowsOf({ elements: onAnotherRow })).toEqual([])
    expect(flowsOf(acrossContexts)).toEqual([])
  })

  test('only the nearest neighbour counts: events side by side are a timeline, not a flow', () => {
    const elements = row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed'), sticky('event', 'Order Paid'))
    expect(flowsOf({ elements })).toEqual(['place-order → order-placed (adjacency)'])
  })

  test('a hotspot stuck between a command and its event does not break the flow', () => {
    const elements = row(0, 0, sticky('command', 'Place Order'), sticky('hotspot', 'Which shop?', { w: 60 }), sticky('event', 'Order Placed'))
    expect(flowsOf({ elements })).toEqual(['place-order → order-placed (adjacency)'])
  })

  test('an arrow between two stickies is a flow, however far apart they are, and counts once', () => {
    const elements = [...row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')), ...row(3000, 900, sticky('policy', 'Bill it'))]
    const flows = [
      { id: 'drawn', from: 'place-order', to: 'order-placed' },
      { id: 'far', from: 'order-placed', to: 'bill-it' },
    ]
    expect(buildBoardModel(boardRecords({ elements, flows })).flows).toEqual([
      { from: 'place-order', to: 'order-placed', via: 'arrow', arrowId: 'drawn' },
      { from: 'order-placed', to: 'bill-it', via: 'arrow', arrowId: 'far' },
    ])
  })
})
