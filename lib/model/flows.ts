import type { ElementKind } from '../board/elementKinds.ts'
import type { FlowContent } from '../boardFile/boardContent.ts'
import type { ContextId, ElementId } from './boardModel.ts'
import { type Bounds, centreOf, rightOf, verticalOverlap } from './geometry.ts'
import { groupBy } from './groupBy.ts'
import { countAtOrBelow } from './sorted.ts'

/** One element leads to another: someone drew an arrow, or the stickies sit in the grammar's reading order. */
export type Flow = { from: ElementId; to: ElementId } & ({ via: 'arrow'; arrowId: string } | { via: 'adjacency' })

/** What adjacency needs to know of a sticky. */
export interface FlowNode {
  id: ElementId
  kind: ElementKind
  bounds: Bounds
  contextId: ContextId | null
}

/**
 * What reads on to what, left to right, in Brandolini's process-modelling
 * grammar: an actor, informed by a read model, issues a command; the command
 * goes to an aggregate or an external system (or straight to its event), which
 * produces events; a policy reacts to an event with the next command.
 */
export const readsOnTo: Readonly<Partial<Record<ElementKind, readonly ElementKind[]>>> = {
  readModel: ['actor', 'command'],
  actor: ['command'],
  command: ['event', 'aggregate', 'externalSystem'],
  aggregate: ['event'],
  externalSystem: ['event'],
  event: ['policy'],
  policy: ['command'],
}

/** Comments on the timeline rather than steps of it: they never break a reading order. */
const annotationKinds: ReadonlySet<ElementKind> = new Set(['hotspot', 'opportunity', 'glossary'])

/**
 * The widest gap, in canvas units, from a sticky's right edge to the left edge
 * of the next one in its reading order: one and a half standard stickies
 * (160 wide), room for a gap left open but not for a missing step.
 */
export const maxFlowGap = 240

/** Two stickies are on one row when they share at least this much of the shorter one's height. */
export const minRowOverlap = 0.25

/** The board's flows: every arrow between stickies, then each adjacency no arrow already draws. */
export function boardFlows(arrows: readonly FlowContent[], nodes: readonly FlowNode[]): Flow[] {
  const drawn: Flow[] = arrows.map((arrow) => ({ from: arrow.from, to: arrow.to, via: 'arrow', arrowId: arrow.id }))
  const pair = (flow: Flow) => JSON.stringify([flow.from, flow.to])
  const drawnPairs = new Set(drawn.map(pair))
  return [...drawn, ...adjacencyFlows(nodes).filter((flow) => !drawnPairs.has(pair(flow)))]
}

/**
 * Flows read from the layout: each sticky leads to its next neighbour on the
 * row (within one context) when the grammar lets the one kind read on to the other.
 */
export function adjacencyFlows(nodes: readonly FlowNode[]): Flow[] {
  const steps = nodes.filter((node) => !annotationKinds.has(node.kind)).sort((a, b) => a.bounds.x - b.bounds.x)
  const neighbours = rowNeighbours(steps)
  return steps.flatMap((node) => {
    const next = nextOnRow(node, neighbours(node))
    return next && readsOnTo[node.kind]?.includes(next.kind) ? [{ from: node.id, to: next.id, via: 'adjacency' as const }] : []
  })
}

type Ordered = { node: FlowNode; order: number }

/**
 * The stickies that may share a row with a node: those of its context in its
 * horizontal band and the two beside it, each band sorted by left edge. Bands
 * are as tall as the tallest sticky, so any two that overlap vertically are at
 * most one band apart; a big board is then read in linear time, not quadratic.
 */
function rowNeighbours(sorted: readonly FlowNode[]): (node: FlowNode) => (readonly Ordered[])[] {
  const band = Math.max(1, ...sorted.map((node) => node.bounds.h))
  const bandOf = (node: FlowNode) => Math.floor(node.bounds.y / band)
  const bands = groupBy(
    sorted.map((node, order) => ({ node, order })),
    ({ node }) => `${node.contextId} ${bandOf(node)}`,
  )
  return (node) => [-1, 0, 1].map((offset) => bands.get(`${node.contextId} ${bandOf(node) + offset}`) ?? [])
}

/** The closest sticky starting to the right of `node` on its row; ties go to the first in reading order. */
function nextOnRow(node: FlowNode, candidates: readonly (readonly Ordered[])[]): FlowNode | undefined {
  let best: { node: FlowNode; gap: number; drift: number; order: number } | undefined
  for (const band of candidates) {
    for (let i = countAtOrBelow(band, node.bounds.x, ({ node }) => node.bounds.x); i < band.length; i++) {
      const candidate = band[i]!
      const gap = candidate.node.bounds.x - rightOf(node.bounds)
      if (gap > maxFlowGap) break
      if (verticalOverlap(node.bounds, candidate.node.bounds) < minRowOverlap) continue
      const drift = Math.abs(centreOf(candidate.node.bounds).y - centreOf(node.bounds).y)
      if (!best || gap < best.gap || (gap === best.gap && (drift < best.drift || (drift === best.drift && candidate.order < best.order)))) {
        best = { node: candidate.node, gap, drift, order: candidate.order }
      }
    }
  }
  return best?.node
}
