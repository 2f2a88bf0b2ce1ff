import { isBoardId } from '@/lib/boards/boardId'
import { getDatabase } from '@/lib/db/client'
import { jsonError } from '@/lib/http/json'
import { checkModel } from '@/lib/model/checks'
import { readBoardModel } from '@/lib/model/readBoardModel'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params
  if (!isBoardId(boardId)) return jsonError(400, 'malformed board id')
  const model = await readBoardModel(await getDatabase(), boardId)
  if (!model) return jsonError(404, 'board not found')
  return Response.json({ model, findings: checkModel(model) })
}
