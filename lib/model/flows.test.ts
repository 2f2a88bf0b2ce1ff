import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { elementKinds } from '../board/elementKinds.ts'
import { buildBoardModel } from './boardModel.ts'
import { type FlowNode, adjacencyFlows, maxFlowGap, minRowOverlap, readsOnTo } from './flows.ts'
import { centreOf, rightOf, verticalOverlap } from './geometry.ts'
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

/** Adjacency as the rule states it, every sticky against every other: what the banded reading must give on any layout. */
function everyPairAdjacency(nodes: readonly FlowNode[]): string[] {
  const steps = nodes.filter((node) => !['hotspot', 'opportunity', 'glossary'].includes(node.kind))
  return steps.flatMap((node) => {
    const onRow = steps
      .map((candidate, order) => ({ candidate, order, gap: candidate.bounds.x - rightOf(node.bounds) }))
      .filter(({ candidate, gap }) => candidate.bounds.x > node.bounds.x && gap <= maxFlowGap && candidate.contextId === node.contextId)
      .filter(({ candidate }) => verticalOverlap(node.bounds, candidate.bounds) >= minRowOverlap)
      .map((entry) => ({ ...entry, drift: Math.abs(centreOf(entry.candidate.bounds).y - centreOf(node.bounds).y) }))
      .sort((a, b) => a.gap - b.gap || a.drift - b.drift || a.candidate.bounds.x - b.candidate.bounds.x || a.order - b.order)
    const next = onRow[0]?.candidate
    return next && readsOnTo[node.kind]?.includes(next.kind) ? [`${node.id} → ${next.id}`] : []
  })
}

test('on any layout, reading adjacency by bands gives what comparing every pair of stickies gives', () => {
  const node = fc.record({
    kind: fc.constantFrom(...elementKinds),
    x: fc.integer({ min: 0, max: 40 }).map((x) => x * 40),
    y: fc.integer({ min: 0, max: 40 }).map((y) => y * 30),
    h: fc.constantFrom(40, 100, 160, 400),
    contextId: fc.constantFrom(null, 'a', 'b'),
  })
  fc.assert(
    fc.property(fc.array(node, { maxLength: 60 }), (drawn) => {
      const nodes: FlowNode[] = drawn.map(({ kind, x, y, h, contextId }, i) => ({ id: `n${i}`, kind, contextId, bounds: { x, y, w: 160, h } }))
      const sorted = [...nodes].sort((a, b) => a.bounds.x - b.bounds.x)
      expect(adjacencyFlows(nodes).map((flow) => `${flow.from} → ${flow.to}`)).toEqual(everyPairAdjacency(sorted))
    }),
  )
})
