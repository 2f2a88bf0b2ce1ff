import { limits } from '../board/limits.ts'
import type { BoardModel, DomainEvent, ElementId, Label, ModelElement, PivotalBoundary, Row } from './boardModel.ts'
import { type Bounds, bottomOf, centreOf, contains, pad, rightOf, union } from './geometry.ts'
import { isPastTense, isQuestion, wordsOf } from './language.ts'
import { groupBy } from './groupBy.ts'
import { stickySize } from './rows.ts'
import { countAtOrBelow } from './sorted.ts'

export type Confidence = 'high' | 'medium' | 'low'

/** A bounded context the board suggests, with why. */
export interface ContextProposal {
  name: string
  /** No title is near: the name is made from the words its events share, for the facilitator to change. */
  guessed: boolean
  /** High when a title names it and boundaries or the row's ends close it; medium when a title names it but a side is open; low when guessed. */
  confidence: Confidence
  /** Which title names it and what closes it on either side, in words. */
  reason: string
  /** The label or lane whose text names it. */
  titleId: string | null
  /** The pivotal boundaries that close it or that it spans. */
  boundaryIds: string[]
  /** In timeline order. */
  elementIds: ElementId[]
  bounds: Bounds
}

/**
 * Distances in sticky sizes (the median event height), so that a board reads
 * alike wherever it sits and however large it is drawn.
 */
export const readingRatios = {
  /** Room between a proposed context's edge and its outermost stickies. */
  contextPadding: 1 / 4,
  /** A label this close under another (across, down) is its subtitle: the upper one names. */
  subtitle: { across: 1 / 4, down: 1 / 2 },
  /** A board's title stands alone on its line: every other title is more than this far below it. */
  titleLine: 1 / 2,
  /** A title whose left edge lies this close before a boundary heads the section after the boundary. */
  titleSnap: 1 / 2,
  /** A boundary crosses a row when it covers this much of the row's height (of one sticky, on a taller row). */
  boundaryCover: 1 / 2,
}

/**
 * Bounded contexts for the stickies not yet in one, read as people read a
 * board (the README's "How a board is read" says it in full): row by row
 * (rows.ts), each row split where a pivotal boundary crosses it, just after
 * each pivotal event, and where a title starts. A title names the stretch
 * from where it starts to the next split; a stretch without a title joins the
 * next titled stretch of its row, or the last one at the row's end; a row
 * without titles gives one section per stretch, with a guessed name. A board
 * that reads as one untitled section gets no proposal: one context around
 * everything says nothing.
 */
export function suggestContexts(model: BoardModel): ContextProposal[] {
  const stickies: ModelElement[] = Object.values(model.elements).flat()
  if (stickies.length === 0) return []
  const size = stickySize(stickies)
  const byId = new Map(stickies.map((s) => [s.id, s]))
  const lines = boardLines(model.rows)
  const titles = lineTitles(model, lines, size)
  const sections = lines.flatMap((row, i) => {
    // In timeline order, as the model lists them.
    const members = row.elementIds.map((id) => byId.get(id)!)
    const rowStart = Math.min(...members.map((s) => s.bounds.x))
    const events = members.filter((s): s is DomainEvent => s.kind === 'event')
    const cuts = rowCuts(row, events, model.boundaries, titles.get(i) ?? [], size)
    const free = members.filter((s) => s.contextId === null)
    return rowSections(free, cuts).flatMap((section) => (section.members.length > 0 ? [{ ...section, rowStart }] : []))
  })
  if (sections.length === 1 && !sections[0]!.title) return []
  return sections.map((section, i) => proposal(section, i, size))
}

/**
 * A row as people see it, a line across the board: the model's rows on one
 * line (a wide gap splits a line into rows) read as one for titles and
 * boundaries. Top to bottom.
 */
interface Line {
  laneId: string | null
  bounds: Bounds
  /** In timeline order. */
  elementIds: ElementId[]
}

function boardLines(rows: readonly Row[]): Line[] {
  const byLine = groupBy(rows, (row) => row.line)
  return [...byLine.keys()]
    .sort((a, b) => a - b)
    .map((line) => {
      const parts = byLine.get(line)!
      return { laneId: parts[0]!.laneId, bounds: union(parts.map((p) => p.bounds)), elementIds: parts.flatMap((p) => p.elementIds) }
    })
}

/** A label, or a lane's label, read as the title of a row. */
interface Title {
  id: string
  text: string
  x: number
  y: number
  where: 'above' | 'in-row' | 'lane'
}

/** Where a row splits: at a boundary, just after a pivotal event, where a title starts, or several of these at one x. */
interface Cut {
  x: number
  boundary?: PivotalBoundary
  /** The row's event just before the boundary, to tell an unlabelled boundary by. */
  follows?: DomainEvent
  pivotal?: DomainEvent
  title?: Title
}

interface Section {
  title: Title | undefined
  members: ModelElement[]
  /** The cuts at its ends (none: the row's start or end), and those it spans. */
  from: Cut | undefined
  to: Cut | undefined
  across: Cut[]
}

/** The titles of each line, by line index. */
function lineTitles(model: BoardModel, rows: readonly Line[], size: number): Map<number, Title[]> {
  const candidates = withoutSubtitles(model.labels.filter((l) => l.text.trim() !== ''), size)
  const boardTitle = boardTitleOf(candidates, rows, size)
  const byRow = new Map<number, Title[]>()
  const add = (row: number, title: Title) => {
    if (byRow.has(row)) byRow.get(row)!.push(title)
    else byRow.set(row, [title])
  }
  const lanes = new Map(model.lanes.map((lane) => [lane.id, lane]))
  const laneRows = rows.flatMap((row, i) => (row.laneId === null ? [] : [{ row: i, bounds: lanes.get(row.laneId)!.bounds }])).sort((a, b) => a.bounds.y - b.bounds.y)
  for (const label of candidates.filter((c) => c !== boardTitle)) {
    const heads = rowHeadedBy(label, rows, laneRows)
    if (heads) add(heads.row, { id: label.id, text: label.text, x: label.x, y: label.y, where: heads.where })
  }
  rows.forEach((row, i) => {
    const lane = row.laneId === null ? undefined : lanes.get(row.laneId)
    // Where the lane's label is drawn, at its left, it titles the whole row.
    if (lane?.label.trim() && !byRow.has(i)) add(i, { id: lane.id, text: lane.label, x: Number.NEGATIVE_INFINITY, y: lane.bounds.y, where: 'lane' })
  })
  return byRow
}

/** Labels that are not the subtitle of a label just above them, at about the same x. */
function withoutSubtitles(labels: readonly Label[], size: number): Label[] {
  const across = size * readingRatios.subtitle.across
  const down = size * readingRatios.subtitle.down
  const byX = [...labels].sort((a, b) => a.x - b.x || a.y - b.y)
  const isSubtitle = (label: Label, i: number) => {
    for (const step of [-1, 1]) {
      // The nearest few on either side in x: a pile of labels at one x must not cost a scan of the pile for each.
      for (let j = i + step; j >= 0 && j < byX.length && Math.abs(j - i) <= 16 && Math.abs(byX[j]!.x - label.x) <= across; j += step) {
        const gap = label.y - byX[j]!.y
        if (gap > 0 && gap <= down) return true
      }
    }
    return false
  }
  return byX.filter((label, i) => !isSubtitle(label, i))
}

/**
 * The board's title, if a title heads every row rather than a section: the
 * topmost label above the top row when it stands alone on its line above
 * other titles, or is the only title, at the left of several rows; or a label
 * above the rows spanning them all.
 */
function boardTitleOf(titles: readonly Label[], rows: readonly Line[], size: number): Label | undefined {
  const top = rows[0]?.bounds.y ?? Number.NEGATIVE_INFINITY
  const left = Math.min(...rows.map((r) => r.bounds.x))
  const right = Math.max(...rows.map((r) => rightOf(r.bounds)))
  const aboveRows = titles.filter((t) => t.y < top)
  const topmost = aboveRows.reduce<Label | undefined>((best, t) => (best && best.y <= t.y ? best : t), undefined)
  const overOthers = (t: Label) => titles.length > 1 && titles.every((other) => other === t || other.y - t.y > size * readingRatios.titleLine)
  const aloneOverRows = (t: Label) => titles.length === 1 && rows.length > 1 && t.x <= left
  const spansRows = (t: Label) => (rows.length > 1 || titles.length > 1) && t.x <= left && t.x + t.w >= right
  return topmost && (overOthers(topmost) || aloneOverRows(topmost)) ? topmost : aboveRows.find(spansRows)
}

/**
 * The row a label titles, and how: in a lane that is a row, that row; in a
 * row's band, that row; between two rows, the nearer one if that is the row
 * below; above the top row, the top row. A label under its nearest row titles none.
 */
function rowHeadedBy(
  label: Label,
  rows: readonly Line[],
  laneRows: readonly { row: number; bounds: Bounds }[],
): { row: number; where: Title['where'] } | undefined {
  const placeIn = (row: number) => ({ row, where: label.y < rows[row]!.bounds.y ? ('above' as const) : ('in-row' as const) })
  // Lanes are sorted by top: of the last two starting above the label, one that holds it.
  const lanesAbove = countAtOrBelow(laneRows, label.y, (lane) => lane.bounds.y)
  const lane = [laneRows[lanesAbove - 1], laneRows[lanesAbove - 2]].find((l) => l && contains(l.bounds, label))
  if (lane) return placeIn(lane.row)
  // Rows are sorted by top: `below` is the first row starting under the label.
  const below = countAtOrBelow(rows, label.y, (row) => row.bounds.y)
  const above = below - 1
  if (above >= 0 && label.y <= bottomOf(rows[above]!.bounds)) return placeIn(above)
  if (below >= rows.length) return undefined
  if (above >= 0 && label.y - bottomOf(rows[above]!.bounds) < rows[below]!.bounds.y - label.y) return undefined
  return placeIn(below)
}

/** A row's cuts, left to right, those at one x merged; `events` are the row's, in timeline order. */
function rowCuts(row: Line, events: readonly DomainEvent[], boundaries: readonly PivotalBoundary[], titles: readonly Title[], size: number): Cut[] {
  const cover = Math.min(row.bounds.h, size) * readingRatios.boundaryCover
  const before = (x: number) => events[countAtOrBelow(events, x, (e) => centreOf(e.bounds).x) - 1]
  const splits: Cut[] = [
    ...boundaries
      .filter((b) => Math.min(b.bottom, bottomOf(row.bounds)) - Math.max(b.top, row.bounds.y) >= cover)
      .map((boundary) => ({ x: boundary.x, boundary, follows: before(boundary.x) })),
    // A pivotal event closes the phase it ends: the row splits just after it.
    ...events.filter((e) => e.pivotal).map((pivotal) => ({ x: rightOf(pivotal.bounds), pivotal })),
  ]
  // A title starting just before a split heads what follows the split.
  const snapped = (x: number) => splits.filter((s) => s.x > x && s.x <= x + size * readingRatios.titleSnap).sort((a, b) => a.x - b.x)[0]?.x ?? x
  // Of titles at one x, the lowest is nearest the row.
  const titleCuts: Cut[] = [...titles].sort((a, b) => a.y - b.y).map((title) => ({ x: snapped(title.x), title }))
  const cuts: Cut[] = []
  for (const cut of [...splits, ...titleCuts].sort((a, b) => a.x - b.x)) {
    const last = cuts.at(-1)
    if (last?.x !== cut.x) cuts.push({ ...cut })
    else {
      last.boundary ??= cut.boundary
      last.follows ??= cut.follows
      last.pivotal ??= cut.pivotal
      last.title = cut.title ?? last.title
    }
  }
  return cuts
}

/** A row's sections: stretches between cuts; untitled stretches join the next titled one, or the last at the row's end. */
function rowSections(members: readonly ModelElement[], cuts: readonly Cut[]): Section[] {
  // Stretch i runs from cut i - 1 to cut i.
  const stretches = Array.from({ length: cuts.length + 1 }, () => [] as ModelElement[])
  for (const member of members) stretches[countAtOrBelow(cuts, centreOf(member.bounds).x, (cut) => cut.x)]!.push(member)
  const titled = stretches.flatMap((_, i) => (cuts[i - 1]?.title ? [i] : []))
  const groups =
    titled.length === 0
      ? stretches.flatMap((stretch, i) => (stretch.length > 0 ? [[i]] : []))
      : titled.map((t, k) => {
          const first = k === 0 ? 0 : titled[k - 1]! + 1
          const last = k === titled.length - 1 ? stretches.length - 1 : t
          return Array.from({ length: last - first + 1 }, (_, j) => first + j)
        })
  return groups.map((group) => {
    const title = group.map((i) => cuts[i - 1]?.title).find((t) => t !== undefined)
    // Its ends are those of the stretches that hold stickies or its title, and on the left, back
    // over empty stretches to a split: a title a little after a boundary starts at the boundary.
    const held = group.filter((i) => stretches[i]!.length > 0 || cuts[i - 1]?.title === title)
    let first = held[0]!
    while (first > group[0]! && stretches[first - 1]!.length === 0 && !isSplit(cuts[first - 1]!)) first--
    const last = held.at(-1)!
    return {
      title,
      members: group.flatMap((i) => stretches[i]!),
      from: cuts[first - 1],
      to: cuts[last],
      across: cuts.slice(first, last).filter(isSplit),
    }
  })
}

const isSplit = (cut: Cut) => cut.boundary !== undefined || cut.pivotal !== undefined

function proposal(section: Section & { rowStart: number }, index: number, size: number): ContextProposal {
  const { title, members, from, to, across, rowStart } = section
  const startsRow = from === undefined || from.x <= rowStart
  const closed = (cut: Cut | undefined) => cut === undefined || isSplit(cut)
  const confidence: Confidence = !title ? 'low' : title.where !== 'lane' && (startsRow || closed(from)) && closed(to) && across.length === 0 ? 'high' : 'medium'
  const name = title ? oneLine(title.text) : guessedName(members) || `Section ${index + 1}`
  const ends = `from ${startsRow ? 'the start of the row' : endText(from!, title)} to ${to ? endText(to, undefined) : 'the end of the row'}`
  const spans = across.length > 0 ? `, across ${across.map((cut) => endText(cut, undefined)).join(', ')}` : ''
  return {
    name: name.slice(0, limits.name),
    guessed: !title,
    confidence,
    reason: `${titleText(title)}; ${ends}${spans}.`,
    titleId: title?.id ?? null,
    boundaryIds: [from, ...across, to].flatMap((cut) => (cut?.boundary ? [cut.boundary.id] : [])),
    elementIds: members.map((m) => m.id),
    bounds: pad(union(members.map((m) => m.bounds)), size * readingRatios.contextPadding),
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
const quoted = (text: string) => `“${oneLine(text).slice(0, 60)}”`

function titleText(title: Title | undefined): string {
  if (!title) return 'No title near: named after the words its events share'
  if (title.where === 'lane') return `The lane ${quoted(title.text)}`
  return `Titled ${quoted(title.text)} ${title.where === 'above' ? 'above' : 'in'} its row`
}

/** A cut as the end of a section; `ownTitle` is the section's, which it names as "its title". */
function endText(cut: Cut, ownTitle: Title | undefined): string {
  if (cut.boundary?.label.trim()) return `the boundary ${quoted(cut.boundary.label)}`
  if (cut.boundary) return cut.follows ? `the boundary after ${quoted(cut.follows.text)}` : 'a boundary'
  if (cut.pivotal) return `just after the pivotal event ${quoted(cut.pivotal.text)}`
  return cut.title === ownTitle ? 'its title' : `the title ${quoted(cut.title!.text)}`
}

/** Words that name nothing on their own. */
const fillerWords = new Set(
  `the and for with from into onto out off not but all any our your their its his her who what when where which why how new
   has have had was were are been being can will may must should would could does did done get got per via yet too very`.split(/\s+/),
)

/** The one or two words the events name most often ("Claim", "Order & Invoice"): not verbs in the past, nor fillers. */
function guessedName(members: readonly ModelElement[]): string {
  const events = members.filter((m) => m.kind === 'event' && !isQuestion(m.text))
  const counts = new Map<string, number>()
  for (const { text } of events.length > 0 ? events : members) {
    for (const word of new Set(wordsOf(text))) {
      if (word.length >= 3 && !fillerWords.has(word) && !isPastTense(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  // Map keeps first appearance, and the sort is stable: of words named as often, the earliest.
  const ranked = [...counts].sort((a, b) => b[1] - a[1])
  const top = ranked.filter(([, count]) => count === ranked[0]?.[1]).slice(0, 2)
  return top.map(([word]) => word[0]!.toUpperCase() + word.slice(1)).join(' & ')
}
