import { readConfig } from '@/lib/config'
import { pendingExport, recordExport } from '@/lib/contracts/contractExports'
import type { ChangeReport, ContractSnapshot } from '@/lib/contracts/contractHistory'
import { findBoard } from '@/lib/db/boards'
import { listContractExports } from '@/lib/db/contractExports'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

const versionsOf = (contracts: Record<string, { version: string }>) => Object.fromEntries(Object.entries(contracts).map(([name, c]) => [name, c.version]))

/** Every recorded export, newest first: when, by whom, under which mode, each event's version and the change report. */
export const GET = boardRoute('export', async ({ db, boardId }) => {
  if (!(await findBoard(db, boardId))) return jsonError(404, 'board not found')
  const history = await listContractExports<ContractSnapshot, ChangeReport>(db, boardId)
  return Response.json({ exports: history.map(({ contracts, ...entry }) => ({ ...entry, versions: versionsOf(contracts) })).reverse() })
})

/** Records the board's contracts as an export (when they changed since the last): what a download of the bundle does first. */
export const POST = boardRoute('export', async ({ db, boardId, actor }) => {
  const pending = await pendingExport(db, boardId, readConfig())
  if (!pending) return jsonError(404, 'board not found')
  const result = await recordExport(db, boardId, pending, actor)
  const { contracts, ...entry } = result.entry
  return Response.json({ recorded: result.recorded, export: { ...entry, versions: versionsOf(contracts) } }, { status: result.recorded ? 201 : 200 })
})
