import { z } from 'zod'
import { elementKinds } from '../board/elementKinds.ts'
import { type EventField, arrayItemTypes, fieldTypes, sensitivities } from '../board/eventContract.ts'
import { limits } from '../board/limits.ts'
import { workshopLevels } from '../board/workshopLevel.ts'
import { maxBoardNameLength } from '../boards/boardInput.ts'
import type { BoardContent } from './boardContent.ts'

/**
 * Our board file: BoardContent behind a format name and a version, so a
 * reader can tell it apart from other JSON and refuse versions it does not
 * know. Documented in FORMAT.md. The schema is strict (unknown keys are
 * errors) and bounded everywhere, because uploads are untrusted.
 */
export const boardFileFormat = 'eventstorm-board'
export const boardFileVersion = 1

export type BoardFile = { format: typeof boardFileFormat; version: typeof boardFileVersion } & BoardContent

/** Bounds of an uploaded file beyond those of the board itself (lib/board/limits.ts). */
export const boardFileLimits = {
  /** The request body; JSON is parsed whole, so this caps memory too. */
  bytes: 10 * 1024 * 1024,
  elements: 10_000,
  /** Each of contexts, lanes, boundaries and labels. */
  areas: 1_000,
  flows: 10_000,
  /** Canvas coordinates and sizes; far beyond any workshop, far below float trouble. */
  coordinate: 1e7,
} as const

/** Ids become tldraw shape ids as they are, so they keep to characters tldraw's own ids use. */
export const contentIdPattern = /^[A-Za-z0-9_-]{1,64}$/

export const coordinate = z.number().min(-boardFileLimits.coordinate).max(boardFileLimits.coordinate)
const size = z.number().positive().max(boardFileLimits.coordinate)
const id = z.string().regex(contentIdPattern, 'ids are 1 to 64 letters, digits, "_" or "-"')
const text = (max: number) => z.string().max(max)

/**
 * The field list at `depth` (the contract's own fields are depth 1), built out
 * to the depth limit once, so no input can make validation recurse further.
 */
function fieldList(depth: number): z.ZodType<EventField[]> {
  if (depth > limits.fieldDepth) return z.array(z.never()).max(0, `fields nest at most ${limits.fieldDepth} levels deep`)
  const field = z.strictObject({
    id: text(64),
    name: text(limits.name),
    type: z.enum(fieldTypes),
    itemType: z.enum(arrayItemTypes).default('string'),
    enumValues: z.array(text(limits.name)).max(limits.enumValues).default([]),
    fields: fieldList(depth + 1).default([]),
    required: z.boolean().default(true),
    description: text(limits.description).default(''),
    example: text(limits.description).default(''),
    sensitivity: z.enum(sensitivities).default('none'),
  })
  return z.array(field).max(limits.fieldsPerEvent)
}

const contract = z.strictObject({
  description: text(limits.description).default(''),
  version: z.int().min(1).default(1),
  producer: text(limits.name).default(''),
  fields: fieldList(1).default([]),
})

const element = z
  .strictObject({
    id,
    kind: z.enum(elementKinds),
    text: text(limits.text),
    x: coordinate,
    y: coordinate,
    w: size.optional(),
    h: size.optional(),
    pivotal: z.boolean().optional(),
    resolved: z.boolean().optional(),
    contract: contract.optional(),
  })
  .refine((e) => e.kind === 'event' || e.contract === undefined, { message: 'only events carry a contract', path: ['contract'] })

const context = z.strictObject({
  id,
  name: text(limits.name),
  source: text(limits.name).default(''),
  team: text(limits.name).default(''),
  description: text(limits.description).default(''),
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
})

const lane = z.strictObject({ id, label: text(limits.name).default(''), x: coordinate, y: coordinate, w: size, h: size })
const boundary = z.strictObject({ id, label: text(limits.name).default(''), x: coordinate, y: coordinate, h: size })
const label = z.strictObject({ id, text: text(limits.text), x: coordinate, y: coordinate, w: size.optional() })
const flow = z.strictObject({ id, from: id, to: id })

// Array bounds are checked before the items are, so an oversized list is refused without reading it.
export const boardFileSchema = z
  .strictObject({
    format: z.literal(boardFileFormat),
    version: z.literal(boardFileVersion),
    name: z.string().trim().min(1).max(maxBoardNameLength),
    level: z.enum(workshopLevels).default('big-picture'),
    elements: z.array(element).max(boardFileLimits.elements).default([]),
    contexts: z.array(context).max(boardFileLimits.areas).default([]),
    lanes: z.array(lane).max(boardFileLimits.areas).default([]),
    boundaries: z.array(boundary).max(boardFileLimits.areas).default([]),
    labels: z.array(label).max(boardFileLimits.areas).default([]),
    flows: z.array(flow).max(boardFileLimits.flows).default([]),
  })
  .superRefine(checkReferences) satisfies z.ZodType<BoardFile, unknown>

const collections = ['elements', 'contexts', 'lanes', 'boundaries', 'labels', 'flows'] as const

/** Every id names one shape, so ids are unique across all collections; flows join existing elements. */
function checkReferences(file: BoardContent, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  for (const collection of collections) {
    file[collection].forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [collection, index, 'id'], message: `duplicate id "${item.id}"` })
      seen.add(item.id)
    })
  }
  const elementIds = new Set(file.elements.map((e) => e.id))
  file.flows.forEach((f, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!elementIds.has(f[end])) ctx.addIssue({ code: 'custom', path: ['flows', index, end], message: `no element has the id "${f[end]}"` })
    }
  })
}

export function toBoardFile(content: BoardContent): BoardFile {
  return { format: boardFileFormat, version: boardFileVersion, ...content }
}

export function boardFileToContent({ format: _format, version: _version, ...content }: BoardFile): BoardContent {
  return content
}

/** A download name for the board: its name in safe ASCII, e.g. `checkout-workshop.eventstorm.json`. */
export function boardFileName(boardName: string): string {
  return `${fileSlug(boardName)}.eventstorm.json`
}

/** A board's name as the stem of a file name, in safe ASCII: "Café Checkout" → `cafe-checkout`. */
export function fileSlug(boardName: string): string {
  const slug = boardName
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-|-$/g, '')
    .toLowerCase()
  return slug || 'board'
}
