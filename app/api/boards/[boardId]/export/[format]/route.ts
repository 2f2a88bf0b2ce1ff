import { readBoardContracts } from '@/lib/contracts/boardContracts'
import { exportAnswer } from '@/lib/contracts/exportAnswer'
import { isFormatId } from '@/lib/contracts/formats'
import { readConfig } from '@/lib/config'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

export const GET = boardRoute<{ format: string }>('export', async ({ db, boardId, params }) => {
  if (!isFormatId(params.format)) return jsonError(404, `no export format ${params.format}`)
  const contracts = await readBoardContracts(db, boardId, readConfig())
  return contracts ? exportAnswer(params.format, contracts) : jsonError(404, 'board not found')
})
