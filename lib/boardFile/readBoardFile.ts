import type { z } from 'zod'
import type { BoardContent } from './boardContent.ts'
import { boardFileFormat, boardFileSchema, boardFileToContent, boardFileVersion } from './boardFile.ts'
import { eventStormerBoard, eventStormerToContent, looksLikeEventStormer } from './eventStormer.ts'

/**
 * Why an uploaded file is refused: 400 when it is not a board file at all,
 * 422 when it is one of ours or EventStormer's but its content is invalid.
 */
export class BoardFileError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 422,
  ) {
    super(message)
  }
}

const importedBoardName = 'Imported board'

/** Board content from a parsed upload in our format or EventStormer's; throws BoardFileError. */
export function readBoardFile(value: unknown): BoardContent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BoardFileError('a board file is a JSON object', 400)
  }
  if ('format' in value) return readOurs(value)
  if (looksLikeEventStormer(value)) {
    return eventStormerToContent(parse(eventStormerBoard, value, 'EventStormer board'), importedBoardName)
  }
  throw new BoardFileError(`not a board file: expected "format": "${boardFileFormat}" or an EventStormer board with "stickies"`, 400)
}

function readOurs(value: { format: unknown; version?: unknown }): BoardContent {
  if (value.format !== boardFileFormat) {
    throw new BoardFileError(`unknown format ${clip(JSON.stringify(value.format) ?? 'null')}: this app reads "${boardFileFormat}"`, 400)
  }
  if (value.version !== boardFileVersion) {
    const version = clip(JSON.stringify(value.version) ?? 'none')
    throw new BoardFileError(`${boardFileFormat} version ${version} is not supported: this app reads version ${boardFileVersion}`, 422)
  }
  return boardFileToContent(parse(boardFileSchema, value, boardFileFormat))
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new BoardFileError(`invalid ${what}: ${describeIssues(result.error.issues)}`, 422)
}

const shownIssues = 3

/** The first few issues, each as `path: message`, short enough for an error answer. */
function describeIssues(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, shownIssues).map((issue) => {
    const path = issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('')
    return clip(path ? `${path}: ${issue.message}` : issue.message)
  })
  const more = issues.length - shown.length
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '')
}

/** Messages may quote the input (an unknown key, an id); a hostile file must not make the answer huge. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
