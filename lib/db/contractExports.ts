import type { Database } from './client.ts'

/** One recorded export: the contract of every event, and how they changed since the export before. */
export interface ContractExportRow<Contracts, Report> {
  id: string
  createdAt: Date
  mode: string
  contracts: Contracts
  report: Report
  authorRole: string | null
  authorName: string | null
}

const toRow = <C, R>(row: { id: bigint; createdAt: Date; mode: string; contracts: unknown; report: unknown; authorRole: string | null; authorName: string | null }) =>
  ({ ...row, id: row.id.toString(), contracts: row.contracts as C, report: row.report as R }) satisfies ContractExportRow<C, R>

/** Oldest first: what compatibility checks walk. */
export async function listContractExports<C, R>(db: Database, boardId: string): Promise<ContractExportRow<C, R>[]> {
  return (await db.prisma.contractExport.findMany({ where: { boardId }, orderBy: { id: 'asc' } })).map(toRow<C, R>)
}

export async function saveContractExport<C, R>(
  db: Database,
  boardId: string,
  entry: { mode: string; contracts: C; report: R; authorRole: string | null; authorName: string | null },
): Promise<ContractExportRow<C, R>> {
  return toRow<C, R>(await db.prisma.contractExport.create({ data: { boardId, ...entry, contracts: entry.contracts as object, report: entry.report as object } }))
}

export async function readCompatibilityMode(db: Database, boardId: string): Promise<string | null> {
  return (await db.prisma.board.findUnique({ where: { id: boardId }, select: { compatibilityMode: true } }))?.compatibilityMode ?? null
}

export async function writeCompatibilityMode(db: Database, boardId: string, mode: string): Promise<void> {
  await db.prisma.board.update({ where: { id: boardId }, data: { compatibilityMode: mode } })
}
