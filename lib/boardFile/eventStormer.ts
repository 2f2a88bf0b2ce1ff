import { z } from 'zod'
import type { ElementKind } from '../board/elementKinds.ts'
import type { WorkshopLevel } from '../board/workshopLevel.ts'
import { limits } from '../board/limits.ts'
import { maxBoardNameLength } from '../boards/boardInput.ts'
import type { BoardContent } from './boardContent.ts'
import { boardFileLimits, coordinate } from './boardFile.ts'

/**
 * The EventStormer board format (virtualgenius/eventstormer,
 * src/tldraw/boardFormat.ts): stickies, pivotal boundaries (`verticals`),
 * lane separators, section labels and named theme areas.
 */
const kindMap: Record<string, ElementKind> = {
  event: 'event',
  hotspot: 'hotspot',
  person: 'actor',
  system: 'externalSystem',
  opportunity: 'opportunity',
  glossary: 'glossary',
  command: 'command',
  policy: 'policy',
  aggregate: 'aggregate',
  readmodel: 'readModel',
}

const levelMap: Record<string, WorkshopLevel> = { 'big-picture': 'big-picture', process: 'process', design: 'design' }

const id = z.union([z.string().min(1).max(200), z.number()]).transform(String)
const text = z.string().max(limits.text)

export const eventStormerBoard = z.object({
  id: id.optional(),
  name: z.string().max(limits.name).optional(),
  sessionMode: z.string().max(40).optional(),
  stickies: z
    .array(
      z.object({
        id,
        kind: z.enum(Object.keys(kindMap) as [string, ...string[]]),
        text,
        x: coordinate,
        y: coordinate,
      }),
    )
    .max(boardFileLimits.elements),
  verticals: z.array(z.object({ id, x: coordinate, y1: coordinate, y2: coordinate })).max(boardFileLimits.areas).default([]),
  lanes: z.array(z.object({ id, y: coordinate, x1: coordinate, x2: coordinate })).max(boardFileLimits.areas).default([]),
  labels: z.array(z.object({ id, text, x: coordinate, y: coordinate })).max(boardFileLimits.areas).default([]),
  themes: z
    .array(z.object({ id, name: z.string().max(limits.name), x: coordinate, y: coordinate, width: coordinate, height: coordinate }))
    .max(boardFileLimits.areas)
    .default([]),
})

export type EventStormerBoard = z.infer<typeof eventStormerBoard>

/** Whether a parsed JSON value looks like an EventStormer board rather than our own format. */
export function looksLikeEventStormer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { stickies?: unknown }).stickies)
}

// EventStormer's sticky sizes, kept so its boards' spacing (150 px between events) stays readable:
// 100×100; person 100×50; system, policy and aggregate 200 wide.
const stickySize = { w: 100, h: 100 }
const sizes: Partial<Record<string, { w: number; h: number }>> = {
  person: { w: 100, h: 50 },
  system: { w: 200, h: 100 },
  policy: { w: 200, h: 100 },
  aggregate: { w: 200, h: 100 },
}

/**
 * Turns EventStormer's ids (any string or number, not always unique) into
 * content ids: safe characters, unique across the board, at most 64 long.
 */
function idAllocator(): (raw: string) => string {
  const taken = new Set<string>()
  // The last suffix used per base, so many copies of one id cost no more than distinct ids.
  const suffixes = new Map<string, number>()
  return (raw) => {
    const base = raw.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48)
    let suffix = suffixes.get(base) ?? 1
    let candidate = base
    while (taken.has(candidate)) candidate = `${base}_${++suffix}`
    suffixes.set(base, suffix)
    taken.add(candidate)
    return candidate
  }
}

export function eventStormerToContent(board: EventStormerBoard, fallbackName: string): BoardContent {
  const unique = idAllocator()
  // Lanes are separators at a y; the band between two separators (or above the first) is a lane.
  const separators = [...board.lanes].sort((a, b) => a.y - b.y)
  const left = Math.min(0, ...board.stickies.map((s) => s.x), ...separators.map((s) => s.x1))
  const right = Math.max(1000, ...board.stickies.map((s) => s.x + 200), ...separators.map((s) => s.x2))
  const top = Math.min(0, ...board.stickies.map((s) => s.y)) - 100
  const bottom = Math.max(0, ...board.stickies.map((s) => s.y + 100)) + 100
  const edges = [top, ...separators.map((s) => s.y), bottom]
  const lanes =
    separators.length === 0
      ? []
      : edges.slice(0, -1).map((y, i) => ({
          id: unique(`lane-${i + 1}`),
          label: `Lane ${i + 1}`,
          x: left,
          y,
          w: right - left,
          h: Math.max(1, edges[i + 1]! - y),
        }))

  return {
    name: (board.name?.trim() || fallbackName).slice(0, maxBoardNameLength),
    level: levelMap[board.sessionMode ?? ''] ?? 'big-picture',
    elements: board.stickies.map((s) => ({
      id: unique(s.id),
      kind: kindMap[s.kind]!,
      text: s.text,
      x: s.x,
      y: s.y,
      ...(sizes[s.kind] ?? stickySize),
    })),
    contexts: board.themes.map((t) => ({
      id: unique(`theme-${t.id}`),
      name: t.name,
      source: '',
      team: '',
      description: '',
      x: t.x,
      y: t.y,
      w: Math.max(1, t.width),
      h: Math.max(1, t.height),
    })),
    lanes,
    boundaries: board.verticals.map((v) => ({
      id: unique(`boundary-${v.id}`),
      label: '',
      x: v.x,
      y: Math.min(v.y1, v.y2),
      h: Math.max(1, Math.abs(v.y2 - v.y1)),
    })),
    labels: board.labels.map((l) => ({ id: unique(`label-${l.id}`), text: l.text, x: l.x, y: l.y })),
    flows: [],
  }
}
