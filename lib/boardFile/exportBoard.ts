import { readBoardRecords } from '../boards/liveBoards.ts'
import { findBoard } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import { type BoardFile, toBoardFile } from './boardFile.ts'
import { recordsToContent } from './recordsToContent.ts'

/** A board as our file, from its live or stored doc; null when there is no such board. */
export async function exportBoard(db: Database, boardId: string): Promise<BoardFile | null> {
  const board = await findBoard(db, boardId)
  const records = board && (await readBoardRecords(db, boardId))
  if (!board || !records) return null
  return toBoardFile(recordsToContent(records, board.name))
}
