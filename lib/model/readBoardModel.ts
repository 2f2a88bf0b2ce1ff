import { docToRecords } from '../boardFile/boardDoc.ts'
import { readBoardDoc } from '../boards/boardDocs.ts'
import type { Database } from '../db/client.ts'
import { type BoardModel, buildBoardModel } from './boardModel.ts'

/** A board's model from its live or stored doc; null when there is no such board. */
export async function readBoardModel(db: Database, boardId: string): Promise<BoardModel | null> {
  const doc = await readBoardDoc(db, boardId)
  return doc && buildBoardModel(docToRecords(doc))
}
