import { limits } from '../board/limits.ts'
import { type BoardModel, type ElementId, type Label, type Lane, type ModelElement, elementsOf } from './boardModel.ts'
import { type Bounds, centreOf, pad, rightOf, union } from './geometry.ts'
import { groupBy } from './groupBy.ts'

/** A bounded context the board suggests: its name, the stickies it would hold, and the area around them. */
export interface ContextProposal {
  name: string
  /** In timeline order. */
  elementIds: ElementId[]
  bounds: Bounds
}

/** Room between a proposed context's edge and its outermost stickies. */
export const contextPadding = 40

/** Titles stacked within this distance of one x (a title and its subtitle) start one section, named by the topmost. */
export const stackedTitleTolerance = 40

/**
 * Bounded contexts for the stickies not yet in one, read from the board's
 * structure, in this order of preference:
 * - Section titles, the labels above the stickies. A title starts a section
 *   that runs to the next title or split of the timeline (a pivotal boundary,
 *   or just after a pivotal event). A stretch without a title joins the next
 *   titled section, or the previous one at the end of the timeline.
 * - Swimlanes, when there are no titles: each lane is a context.
 * - The phases between splits, when there are neither.
 * A board with none of these gets no proposal: one context around everything says nothing.
 */
export function suggestContexts(model: BoardModel): ContextProposal[] {
  const stickies = elementsOf(model)
  const free = stickies.filter((e) => e.contextId === null)
  const titles = sectionTitles(model.labels, stickies)
  const groups =
    titles.length > 0
      ? sectionGroups(free, titles, splitsOf(model))
      : model.lanes.length > 0
        ? laneGroups(free, model.lanes)
        : phaseGroups(free, splitsOf(model))
  return groups
    .filter((group) => group.members.length > 0)
    .map(({ name, members }) => ({
      name: name.replace(/\s+/g, ' ').trim().slice(0, limits.name),
      elementIds: members.map((m) => m.id),
      bounds: pad(union(members.map((m) => m.bounds)), contextPadding),
    }))
}

interface Group {
  name: string
  members: ModelElement[]
}

/** Where the timeline splits into phases, and what names that moment (may be empty). */
interface Split {
  x: number
  name: string
}

function splitsOf(model: BoardModel): Split[] {
  const boundaries = model.boundaries.map((b) => ({ x: b.x, name: b.label.trim() }))
  // A pivotal event closes the phase it ends: the timeline splits just after it.
  const pivotalEvents = model.elements.event.filter((e) => e.pivotal).map((e) => ({ x: rightOf(e.bounds), name: e.text.trim() }))
  return [...boundaries, ...pivotalEvents].sort((a, b) => a.x - b.x)
}

/** Labels above every sticky, left to right; of titles stacked at about one x, the topmost. */
function sectionTitles(labels: readonly Label[], stickies: readonly ModelElement[]): Label[] {
  const top = Math.min(...stickies.map((s) => s.bounds.y))
  const titles: Label[] = []
  for (const label of labels.filter((l) => l.y < top && l.text.trim()).sort((a, b) => a.y - b.y)) {
    if (!titles.some((t) => Math.abs(t.x - label.x) <= stackedTitleTolerance)) titles.push(label)
  }
  return titles.sort((a, b) => a.x - b.x)
}

function sectionGroups(members: readonly ModelElement[], titles: readonly Label[], splits: readonly Split[]): Group[] {
  // At one x a split sorts before a title, so the stretch from there on is titled.
  const cuts = [...splits.map((s) => ({ x: s.x, title: undefined })), ...titles.map((t) => ({ x: t.x, title: t.text }))].sort(
    (a, b) => a.x - b.x || Number(a.title !== undefined) - Number(b.title !== undefined),
  )
  // Stretch i runs from cut i - 1 to cut i; stretch 0 lies before the first cut.
  const stretchTitles = [undefined, ...cuts.map((c) => c.title)]
  const titled = stretchTitles.flatMap((title, i) => (title === undefined ? [] : [i]))
  const sectionOf = (stretch: number) => titled.find((i) => i >= stretch) ?? titled.at(-1)
  const bySection = groupBy(members, (m) => sectionOf(cuts.filter((c) => c.x <= centreOf(m.bounds).x).length))
  return titled.map((i) => ({ name: stretchTitles[i]!, members: bySection.get(i) ?? [] }))
}

function laneGroups(members: readonly ModelElement[], lanes: readonly Lane[]): Group[] {
  const byLane = groupBy(members, (m) => m.laneId)
  return lanes.map((lane, i) => ({ name: lane.label.trim() || `Lane ${i + 1}`, members: byLane.get(lane.id) ?? [] }))
}

function phaseGroups(members: readonly ModelElement[], splits: readonly Split[]): Group[] {
  if (splits.length === 0) return []
  // Phase i runs from split i - 1 to split i.
  const byPhase = groupBy(members, (m) => splits.filter((s) => s.x <= centreOf(m.bounds).x).length)
  return [undefined, ...splits].map((opening, i) => ({ name: phaseName(opening?.name, splits[i]?.name, i + 1), members: byPhase.get(i) ?? [] }))
}

/** A phase is named after the moments around it, when they have names. */
function phaseName(after: string | undefined, until: string | undefined, n: number): string {
  if (after && until) return `${after} to ${until}`
  if (until) return `Up to ${until}`
  if (after) return `After ${after}`
  return `Phase ${n}`
}
