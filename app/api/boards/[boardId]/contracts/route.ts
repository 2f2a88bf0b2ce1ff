import { readConfig } from '@/lib/config'
import { pendingExport } from '@/lib/contracts/contractExports'
import { formatSummaries } from '@/lib/contracts/formats'
import { enabledTargets } from '@/lib/contracts/publishing'
import { can } from '@/lib/auth/roles'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** What the Export dialog shows before anything is downloaded: the contracts, their problems, and what changed since the last export. */
export const GET = boardRoute('export', async ({ db, boardId, role }) => {
  const pending = await pendingExport(db, boardId, readConfig())
  return pending ? Response.json({ contracts: pending.contracts, report: pending.report, exports: pending.history.length, formats: formatSummaries(), publishTo: can(role, 'facilitate') ? enabledTargets() : [] }) : jsonError(404, 'board not found')
})
