import { readBoardContracts } from '@/lib/contracts/boardContracts'
import { readConfig } from '@/lib/config'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** What the Export dialog shows first: the contexts and events the export holds, and its problems. */
export const GET = boardRoute('export', async ({ db, boardId }) => {
  const contracts = await readBoardContracts(db, boardId, readConfig())
  return contracts ? Response.json(contracts) : jsonError(404, 'board not found')
})
