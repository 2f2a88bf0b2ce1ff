import { findBoard } from '../db/boards.ts'
import type { Database } from '../db/client.ts'
import type { BoardModel } from '../model/boardModel.ts'
import { readBoardModel } from '../model/readBoardModel.ts'
import { budgetProblems } from './budget.ts'
import { type ContractModel, contractModel } from './contractModel.ts'

export interface ContractOptions {
  payloadBudgetBytes: number
}

/** The contracts of a board's model, with every problem an export would meet. */
export function boardContracts(model: BoardModel, boardName: string, options: ContractOptions): ContractModel {
  const contracts = contractModel(model, boardName)
  return { ...contracts, problems: [...contracts.problems, ...budgetProblems(contracts, options.payloadBudgetBytes)] }
}

/** A stored or live board's contracts; null when there is no such board. */
export async function readBoardContracts(db: Database, boardId: string, options: ContractOptions): Promise<ContractModel | null> {
  const board = await findBoard(db, boardId)
  const model = board && (await readBoardModel(db, boardId))
  if (!board || !model) return null
  return boardContracts(model, board.name, options)
}
