import { readBoardDoc } from '../boards/boardDocs.ts'
import { findBoard } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import { docToRecords } from './boardDoc.ts'
import { type BoardFile, toBoardFile } from './boardFile.ts'
import { recordsToContent } from './recordsToContent.ts'

/** A board as our file, from its live or stored doc; null when there is no such board. */
export async function exportBoard(db: Database, boardId: string): Promise<BoardFile | null> {
  const board = await findBoard(db, boardId)
  const doc = board && (await readBoardDoc(db, boardId))
  if (!board || !doc) return null
  return toBoardFile(recordsToContent(docToRecords(doc), board.name))
}
