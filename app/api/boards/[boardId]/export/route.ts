import { isBoardId } from '@/lib/boards/boardId'
import { boardFileName } from '@/lib/boardFile/boardFile'
import { exportBoard } from '@/lib/boardFile/exportBoard'
import { getDatabase } from '@/lib/db/client'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params
  if (!isBoardId(boardId)) return jsonError(400, 'malformed board id')
  const file = await exportBoard(await getDatabase(), boardId)
  if (!file) return jsonError(404, 'board not found')
  return Response.json(file, { headers: { 'content-disposition': `attachment; filename="${boardFileName(file.name)}"` } })
}
