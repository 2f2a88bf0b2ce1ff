import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { type BoardSummary, createBoardWithState } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import { type BoardContent, emptyBoardContent } from './boardContent.ts'
import { recordsToDoc } from '../ydoc/convert.ts'
import { contentToRecords } from './contentToRecords.ts'
import { BoardFileError, clip, readBoardFile } from './readBoardFile.ts'

/**
 * Creates a board from an uploaded file (ours or EventStormer's): validated,
 * turned into records and a Yjs update, then stored with the board row in one
 * transaction, so a refused or failed import leaves nothing behind.
 */
export async function importBoard(db: Database, upload: unknown, name?: string): Promise<BoardSummary> {
  const content = readBoardFile(upload)
  if (name !== undefined) content.name = name
  return createBoardFromContent(db, content)
}

/** A new empty board, stored with its page and the schema, so no client ever has to write them. */
export function createBlankBoard(db: Database, name: string): Promise<BoardSummary> {
  return createBoardFromContent(db, emptyBoardContent(name))
}

/** A new board holding the content (a file read, or a template), stored in one transaction. */
export function createBoardFromContent(db: Database, content: BoardContent): Promise<BoardSummary> {
  const doc = recordsToDoc(buildRecords(content))
  try {
    return createBoardWithState(db, content.name, Y.encodeStateAsUpdate(doc))
  } finally {
    doc.destroy()
  }
}

/** The file schema mirrors the board schema; should they ever disagree, the board's verdict is still a 422. */
function buildRecords(content: BoardContent): TLRecord[] {
  try {
    return contentToRecords(content)
  } catch (error) {
    throw new BoardFileError(clip(`the board would not be valid: ${error instanceof Error ? error.message : String(error)}`, 400), 422)
  }
}
