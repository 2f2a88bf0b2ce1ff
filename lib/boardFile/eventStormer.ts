import { z } from 'zod'
import type { ElementKind } from '../board/elementKinds.ts'
import type { WorkshopLevel } from '../board/workshopLevel.ts'
import { limits } from '../board/limits.ts'
import type { BoardContent } from './boardContent.ts'

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

const coordinate = z.number().finite().min(-1e7).max(1e7)
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
    .max(10_000),
  verticals: z.array(z.object({ id, x: coordinate, y1: coordinate, y2: coordinate })).max(1_000).default([]),
  lanes: z.array(z.object({ id, y: coordinate, x1: coordinate, x2: coordinate })).max(1_000).default([]),
  labels: z.array(z.object({ id, text, x: coordinate, y: coordinate })).max(1_000).default([]),
  themes: z
    .array(z.object({ id, name: z.string().max(limits.name), x: coordinate, y: coordinate, width: coordinate, height: coordinate }))
    .max(1_000)
    .default([]),
})

export type EventStormerBoard = z.infer<typeof eventStormerBoard>

/** Whether a parsed JSON value looks like an EventStormer board rather than our own format. */
export function looksLikeEventStormer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { stickies?: unknown }).stickies)
}

// EventStormer's sticky sizes: 100×100; person 100×50; system, policy and aggregate 200 wide.
const sizes: Partial<Record<string, { w: number; h: number }>> = {
  person: { w: 100, h: 50 },
  system: { w: 200, h: 100 },
  policy: { w: 200, h: 100 },
  aggregate: { w: 200, h: 100 },
}

export function eventStormerToContent(board: EventStormerBoard, fallbackName: string): BoardContent {
  const stickyIds = new Set<string>()
  const unique = (prefix: string, raw: string) => {
    let candidate = `${prefix}${raw}`
    while (stickyIds.has(candidate)) candidate += '_'
    stickyIds.add(candidate)
    return candidate
  }
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
          id: unique('lane-', String(i + 1)),
          label: `Lane ${i + 1}`,
          x: left,
          y,
          w: right - left,
          h: Math.max(1, edges[i + 1]! - y),
        }))

  return {
    name: (board.name?.trim() || fallbackName).slice(0, limits.name),
    level: levelMap[board.sessionMode ?? ''] ?? 'big-picture',
    elements: board.stickies.map((s) => ({
      id: unique('', s.id),
      kind: kindMap[s.kind]!,
      text: s.text,
      x: s.x,
      y: s.y,
      ...sizes[s.kind],
    })),
    contexts: board.themes.map((t) => ({
      id: unique('theme-', t.id),
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
      id: unique('boundary-', v.id),
      label: '',
      x: v.x,
      y: Math.min(v.y1, v.y2),
      h: Math.max(1, Math.abs(v.y2 - v.y1)),
    })),
    labels: board.labels.map((l) => ({ id: unique('label-', l.id), text: l.text, x: l.x, y: l.y })),
    flows: [],
  }
}
