import { readBoardRecords } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import { type BoardModel, buildBoardModel } from './boardModel.ts'

/** A board's model from its live or stored records; null when there is no such board. */
export async function readBoardModel(db: Database, boardId: string): Promise<BoardModel | null> {
  const records = await readBoardRecords(db, boardId)
  return records && buildBoardModel(records)
}
