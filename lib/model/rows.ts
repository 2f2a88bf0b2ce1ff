import type { ElementKind } from '../board/elementKinds.ts'
import { type Bounds, centreOf, inTimelineOrder, rightOf, union } from './geometry.ts'
import { groupBy } from './groupBy.ts'
import { isQuestion } from './language.ts'
import { countAtOrBelow } from './sorted.ts'

/**
 * How a board is read as people read it: in flow rows of events that each
 * read left to right. The events of a drawn lane make one line of the board;
 * elsewhere events stacked in columns or side by side make one line, and a
 * clear gap above the next events starts another (a sales line on top, a
 * claims line lower down). A wide gap along a line splits it into rows. Rows
 * that overlap along x are flows one above the other, read top to bottom;
 * rows apart along x follow each other, read left to right (a timeline that
 * steps down from one context's line to the next). Every distance here is a
 * multiple of the board's sticky size, so a board reads the same wherever it
 * sits and however large it is drawn.
 */

/** What row reading needs to know of a sticky. */
export interface RowSticky {
  kind: ElementKind
  text: string
  bounds: Bounds
  laneId: string | null
}

/** A flow row: the lane it follows, if any, the line of the board it lies on (top to bottom), and the area its events cover. */
export interface RowBand {
  laneId: string | null
  line: number
  bounds: Bounds
}

/** In sticky sizes: a gap between events one above the other wider than `line` starts another line; a gap along a line wider than `run` starts another row. */
export const rowGapRatios = { line: 0.5, run: 4 }

/** The board's sticky size: the median height of its events, or of all its stickies when it has none. */
export function stickySize(stickies: readonly Pick<RowSticky, 'kind' | 'bounds'>[]): number {
  const events = stickies.filter((s) => s.kind === 'event')
  const heights = (events.length > 0 ? events : stickies).map((s) => s.bounds.h).sort((a, b) => a - b)
  return heights[Math.floor(heights.length / 2)] ?? 1
}

/**
 * The rows of a board in reading order, and each sticky's row (by its index
 * in `stickies`). Rows are made of events that are steps of a flow: questions
 * written on event stickies sit beside the flow, like hotspots. Every other
 * sticky joins the line of its lane, else the nearest line, and there the row
 * nearest along x.
 */
export function boardRows(stickies: readonly RowSticky[], size: number): { rows: RowBand[]; rowOf: number[] } {
  const makers = new Set(rowMakers(stickies))
  const lineOf = boardLines(stickies, makers, size)
  const byLine = groupBy(stickies.keys(), (i) => lineOf[i]!)
  const runs = [...byLine].flatMap(([line, members]) => lineRuns(line, members, makers, stickies, size))
  // Runs overlapping along x make a block, read top to bottom; blocks read left to right.
  const byLeft = runs.sort((a, b) => a.bounds.x - b.bounds.x)
  let block = -1
  let blockRight = Number.NEGATIVE_INFINITY
  const blocks = byLeft.map((run) => {
    if (run.bounds.x > blockRight) block++
    blockRight = Math.max(blockRight, rightOf(run.bounds))
    return { run, block }
  })
  const ordered = blocks.sort((a, b) => a.block - b.block || a.run.line - b.run.line || a.run.bounds.x - b.run.bounds.x).map(({ run }) => run)
  const rowOf: number[] = new Array(stickies.length)
  ordered.forEach((run, row) => run.members.forEach((i) => (rowOf[i] = row)))
  return { rows: ordered.map(({ laneId, line, bounds }) => ({ laneId, line, bounds })), rowOf }
}

/** Each sticky's line, by index: lines are numbered top to bottom. */
function boardLines(stickies: readonly RowSticky[], makers: ReadonlySet<number>, size: number): number[] {
  const steps = [...makers]
  const laneOf = (i: number) => stickies[i]!.laneId
  const inLanes = groupBy(steps.filter((i) => laneOf(i) !== null), laneOf)
  const free = steps.filter((i) => laneOf(i) === null)
  const groups = [...[...inLanes.values()], ...stackedGroups(free, stickies, size * rowGapRatios.line)]
  const lines = groups
    .map((members) => ({ members, laneId: stickies[members[0]!]!.laneId, bounds: union(members.map((i) => stickies[i]!.bounds)) }))
    .sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  const lineOf: number[] = new Array(stickies.length).fill(-1)
  lines.forEach((line, n) => line.members.forEach((i) => (lineOf[i] = n)))
  const laneLine = new Map(lines.flatMap((line, n) => (line.laneId === null ? [] : [[line.laneId, n] as const])))
  stickies.forEach((sticky, i) => {
    if (lineOf[i] !== -1) return
    const lane = sticky.laneId === null ? undefined : laneLine.get(sticky.laneId)
    lineOf[i] = lane ?? nearestLine(lines, sticky.bounds)
  })
  return lineOf
}

/** A line's rows: its events split where they leave a gap wider than the run gap; its other stickies join the row nearest along x. */
function lineRuns(
  line: number,
  members: readonly number[],
  makers: ReadonlySet<number>,
  stickies: readonly RowSticky[],
  size: number,
): (RowBand & { members: number[] })[] {
  const runs: (RowBand & { members: number[] })[] = []
  let right = Number.NEGATIVE_INFINITY
  for (const i of members.filter((i) => makers.has(i)).sort((a, b) => stickies[a]!.bounds.x - stickies[b]!.bounds.x)) {
    const { bounds, laneId } = stickies[i]!
    if (bounds.x > right + size * rowGapRatios.run) runs.push({ laneId, line, bounds, members: [] })
    const run = runs.at(-1)!
    run.members.push(i)
    run.bounds = union([run.bounds, bounds])
    right = Math.max(right, rightOf(bounds))
  }
  for (const i of members) {
    if (makers.has(i)) continue
    const x = centreOf(stickies[i]!.bounds).x
    // The last run starting at or before x, or the next one if that is nearer.
    const k = Math.max(0, countAtOrBelow(runs, x, (run) => run.bounds.x) - 1)
    const next = runs[k + 1]
    const nearer = next && next.bounds.x - x < x - rightOf(runs[k]!.bounds) ? next : runs[k]!
    nearer.members.push(i)
  }
  return runs
}

/** Stickies in reading order: row by row, top to bottom, each row left to right. */
export function inRowOrder(a: { row: number; bounds: Bounds }, b: { row: number; bounds: Bounds }): number {
  return a.row - b.row || inTimelineOrder(a, b)
}

/** The indices of the stickies rows are made of: events that are not questions, else any events, else every sticky. */
function rowMakers(stickies: readonly RowSticky[]): number[] {
  const indices = stickies.map((_, i) => i)
  const events = indices.filter((i) => stickies[i]!.kind === 'event')
  const steps = events.filter((i) => !isQuestion(stickies[i]!.text))
  return steps.length > 0 ? steps : events.length > 0 ? events : indices
}

/** Stickies whose bands overlap or lie within `gap` of each other, top to bottom, as groups. */
function stackedGroups(indices: readonly number[], stickies: readonly RowSticky[], gap: number): number[][] {
  const byTop = [...indices].sort((a, b) => stickies[a]!.bounds.y - stickies[b]!.bounds.y)
  const groups: number[][] = []
  let bottom = Number.NEGATIVE_INFINITY
  for (const i of byTop) {
    const { y, h } = stickies[i]!.bounds
    if (y > bottom + gap) groups.push([])
    groups.at(-1)!.push(i)
    bottom = Math.max(bottom, y + h)
  }
  return groups
}

/** The line whose area is closest to the sticky's centre, among the lines around its height (lines are sorted by top). */
function nearestLine(lines: readonly { bounds: Bounds }[], bounds: Bounds): number {
  const centre = centreOf(bounds)
  // The last line starting above the centre, and its neighbours: where lines overlap (a lane beside free lines), one step more.
  const low = countAtOrBelow(lines, centre.y, (line) => line.bounds.y)
  let best = -1
  let bestDistance = Number.POSITIVE_INFINITY
  for (let line = Math.max(0, low - 2); line <= Math.min(lines.length - 1, low); line++) {
    const distance = squaredDistance(lines[line]!.bounds, centre)
    if (distance < bestDistance) [best, bestDistance] = [line, distance]
  }
  return best
}

/** Squared, so that it scales exactly with the board. */
function squaredDistance(b: Bounds, p: { x: number; y: number }): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w))
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h))
  return dx * dx + dy * dy
}
