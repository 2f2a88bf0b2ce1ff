import type { BoardActor } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import { type ContractExportRow, listContractExports, readCompatibilityMode, saveContractExport } from '../db/contractExports.ts'
import { type ContractOptions, readBoardContracts } from './boardContracts.ts'
import { type CompatibilityMode, compatibilityModes } from './compatibility.ts'
import { type ChangeReport, type ContractSnapshot, compareWithHistory, snapshotOf } from './contractHistory.ts'
import type { ContractModel } from './contractModel.ts'

export type ContractExport = ContractExportRow<ContractSnapshot, ChangeReport>

/** A board's contracts as the next export would be: versioned by its history, with the report against the last export. */
export interface PendingExport {
  contracts: ContractModel
  report: ChangeReport
  history: ContractExport[]
}

export const isCompatibilityMode = (value: unknown): value is CompatibilityMode => compatibilityModes.includes(value as CompatibilityMode)

export async function pendingExport(db: Database, boardId: string, options: ContractOptions): Promise<PendingExport | null> {
  const [contracts, mode, history] = await Promise.all([
    readBoardContracts(db, boardId, options),
    readCompatibilityMode(db, boardId),
    listContractExports<ContractSnapshot, ChangeReport>(db, boardId),
  ])
  if (!contracts || mode === null) return null
  const compared = compareWithHistory(
    history.map((entry) => entry.contracts),
    contracts,
    isCompatibilityMode(mode) ? mode : 'BACKWARD',
  )
  return { ...compared, history }
}

/**
 * Records a pending export, when its contracts changed since the last one
 * (or there is none): the next export is compared with it.
 */
export async function recordExport(db: Database, boardId: string, pending: PendingExport, actor: BoardActor): Promise<{ recorded: boolean; entry: ContractExport }> {
  const last = pending.history.at(-1)
  if (last && pending.report.events.every((event) => event.status === 'unchanged')) return { recorded: false, entry: last }
  const entry = await saveContractExport(db, boardId, {
    mode: pending.report.mode,
    contracts: snapshotOf(pending.contracts),
    report: pending.report,
    authorRole: actor.rights.role,
    authorName: actor.displayName ?? null,
  })
  return { recorded: true, entry }
}
