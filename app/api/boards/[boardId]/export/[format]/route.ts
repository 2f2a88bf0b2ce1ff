import { readConfig } from '@/lib/config'
import { pendingExport } from '@/lib/contracts/contractExports'
import { exportAnswer } from '@/lib/contracts/exportAnswer'
import { isFormatId } from '@/lib/contracts/formats'
import { historyFile } from '@/lib/contracts/historyFile'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

export const GET = boardRoute<{ format: string }>('export', async ({ db, boardId, params }) => {
  if (!isFormatId(params.format)) return jsonError(404, `no export format ${params.format}`)
  // Versions as the board's export history gives them, so a preview shows what a download will hold.
  const pending = await pendingExport(db, boardId, readConfig())
  if (!pending) return jsonError(404, 'board not found')
  const history = historyFile({ mode: pending.report.mode, exports: pending.history.map((entry) => entry.contracts) })
  return exportAnswer(params.format, pending.contracts, history)
})
