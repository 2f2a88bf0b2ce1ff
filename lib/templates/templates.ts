import { z } from 'zod'
import { limits } from '../board/limits.ts'
import type { BoardContent } from '../boardFile/boardContent.ts'
import { toBoardFile } from '../boardFile/boardFile.ts'
import { createBoardFromContent } from '../boardFile/importBoard.ts'
import { readBoardFile } from '../boardFile/readBoardFile.ts'
import { recordsToContent } from '../boardFile/recordsToContent.ts'
import { isBoardId, newBoardId } from '../boards/boardId.ts'
import { maxBoardNameLength } from '../boards/boardInput.ts'
import { readBoardRecords } from '../boards/liveBoards.ts'
import type { BoardSummary } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import { countSavedTemplates, findTemplateContent, insertTemplate, listSavedTemplates, removeTemplate } from '../db/templates.ts'
import { BadRequest } from '../http/json.ts'
import { builtinContent, builtinTemplates, findBuiltinTemplate } from './builtinTemplates.ts'

/**
 * The templates a new workshop can start from: the built-in ones, and boards
 * a facilitator saved, stored as board files. A saved template is checked by
 * the import reader when it is saved and again when it is used, and bounded,
 * since the gallery shows it to everyone who may create boards.
 */
export const templateLimits = {
  name: maxBoardNameLength,
  description: limits.description,
  /** The stored board file; a template is a starting point, not an archive. */
  contentBytes: 1024 * 1024,
  /** Saved templates on one server. */
  saved: 500,
} as const

/** The body of `POST /api/templates`. */
export const saveTemplateInput = z.strictObject({
  boardId: z.string({ error: 'boardId must be a string' }).refine(isBoardId, 'boardId is not a board id'),
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(templateLimits.name, `name must be at most ${templateLimits.name} characters`),
  description: z
    .string({ error: 'description must be a string' })
    .trim()
    .max(templateLimits.description, `description must be at most ${templateLimits.description} characters`)
    .default(''),
})

export type SaveTemplateInput = z.infer<typeof saveTemplateInput>

export interface TemplateSummary {
  id: string
  name: string
  description: string
  builtIn: boolean
  /** Saved templates only. */
  createdAt: string | null
}

/** Built-in templates first, then the saved ones (newest first) when the caller may see them. */
export async function listTemplates(db: Database, { withSaved }: { withSaved: boolean }): Promise<TemplateSummary[]> {
  const builtIn = builtinTemplates.map((t) => ({ id: t.id, name: builtinContent(t).name, description: t.description, builtIn: true, createdAt: null }))
  if (!withSaved) return builtIn
  const saved = await listSavedTemplates(db, templateLimits.saved)
  return [...builtIn, ...saved.map((t) => ({ ...t, builtIn: false, createdAt: t.createdAt.toISOString() }))]
}

export const isBuiltinTemplate = (id: string): boolean => findBuiltinTemplate(id) !== undefined

/** What a template holds, read as an import reads a file; null when there is no template of that id. */
export async function templateContent(db: Database, id: string): Promise<BoardContent | null> {
  const builtin = findBuiltinTemplate(id)
  if (builtin) return builtinContent(builtin)
  const stored = await findTemplateContent(db, id)
  return stored === null ? null : readBoardFile(stored)
}

/** A new board holding the template's content under its own name; 404 when there is no such template. */
export async function startFromTemplate(db: Database, templateId: string, name: string): Promise<BoardSummary> {
  const content = await templateContent(db, templateId)
  if (!content) throw new BadRequest('no template has this id', 404)
  return createBoardFromContent(db, { ...content, name })
}

/**
 * Keeps the board as it is now as a template. Refused when the board is gone
 * (404), holds more than a board file may (422) or than a template keeps
 * (413), or the server already keeps as many templates as it will (409).
 */
export async function saveTemplate(db: Database, boardId: string, input: SaveTemplateInput) {
  const records = await readBoardRecords(db, boardId)
  if (!records) throw new BadRequest('board not found', 404)
  const file = toBoardFile(recordsToContent(records, input.name))
  // The same reader as an import: what is saved is what a new board can be made of.
  readBoardFile(file)
  const bytes = Buffer.byteLength(JSON.stringify(file))
  if (bytes > templateLimits.contentBytes) {
    throw new BadRequest(`the board is too big for a template (${bytes} bytes; at most ${templateLimits.contentBytes})`, 413)
  }
  if ((await countSavedTemplates(db)) >= templateLimits.saved) {
    throw new BadRequest(`this server keeps at most ${templateLimits.saved} templates: delete one first`, 409)
  }
  return insertTemplate(db, { id: newBoardId(), name: input.name, description: input.description, content: file, sourceBoardId: boardId })
}

export function deleteSavedTemplate(db: Database, id: string): Promise<boolean> {
  return removeTemplate(db, id)
}
