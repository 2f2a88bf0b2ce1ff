import { readConfig } from '@/lib/config'
import { pendingExport, recordExport } from '@/lib/contracts/contractExports'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

const versionsOf = (contracts: Record<string, { version: string }>) => Object.fromEntries(Object.entries(contracts).map(([name, c]) => [name, c.version]))

/** Every recorded export, newest first: when, by whom, under which mode, each event's version and the change report. */
export const GET = boardRoute('export', async ({ db, boardId }) => {
  const pending = await pendingExport(db, boardId, readConfig())
  if (!pending) return jsonError(404, 'board not found')
  const exports = pending.history.map(({ contracts, ...entry }) => ({ ...entry, versions: versionsOf(contracts) })).reverse()
  return Response.json({ exports })
})

/** Records the board's contracts as an export (when they changed since the last): what a download of the bundle does first. */
export const POST = boardRoute('export', async ({ db, boardId, actor }) => {
  const result = await recordExport(db, boardId, readConfig(), actor)
  if (!result) return jsonError(404, 'board not found')
  const { contracts, ...entry } = result.entry
  return Response.json({ recorded: result.recorded, export: { ...entry, versions: versionsOf(contracts) } }, { status: result.recorded ? 201 : 200 })
})
