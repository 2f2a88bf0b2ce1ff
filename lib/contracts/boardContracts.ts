import { deepFreeze } from '../deepFreeze.ts'
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

/**
 * A board model's contracts, made once per model (one per content of the
 * board, see modelCache), name and budget: their events are the same objects
 * from one export to the next, so the schemas and texts each format builds of
 * an event (perEvent) serve every later export and preview until the board
 * changes. Frozen, as the model is.
 */
const contractsByModel = new WeakMap<BoardModel, Map<string, ContractModel>>()

function sharedContracts(model: BoardModel, boardName: string, options: ContractOptions): ContractModel {
  let byName = contractsByModel.get(model)
  if (!byName) contractsByModel.set(model, (byName = new Map()))
  const key = `${options.payloadBudgetBytes} ${boardName}`
  let contracts = byName.get(key)
  if (!contracts) byName.set(key, (contracts = deepFreeze(boardContracts(model, boardName, options))))
  return contracts
}

/** A stored or live board's contracts; null when there is no such board. */
export async function readBoardContracts(db: Database, boardId: string, options: ContractOptions): Promise<ContractModel | null> {
  const board = await findBoard(db, boardId)
  const model = board && (await readBoardModel(db, boardId))
  if (!board || !model) return null
  return sharedContracts(model, board.name, options)
}
