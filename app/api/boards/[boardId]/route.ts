import { isBoardId } from '@/lib/boards/boardId'
import { boardJson } from '@/lib/boards/boardJson'
import { findBoard } from '@/lib/db/boards'
import { getDatabase } from '@/lib/db/client'
import { jsonError } from '@/lib/http/json'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params
  if (!isBoardId(boardId)) return jsonError(400, 'malformed board id')
  const board = await findBoard(await getDatabase(), boardId)
  if (!board) return jsonError(404, 'board not found')
  return Response.json(boardJson(board, requestOrigin(request)))
}
