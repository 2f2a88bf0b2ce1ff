import { readBoard } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import type { BoardModel } from './boardModel.ts'
import { modelOfDoc } from './modelCache.ts'

/** A board's model from its live or stored document (built once per content); null when there is no such board. */
export function readBoardModel(db: Database, boardId: string): Promise<BoardModel | null> {
  return readBoard(db, boardId, (doc) => modelOfDoc(boardId, doc))
}
