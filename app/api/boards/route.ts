import { boardJson } from '@/lib/boards/boardJson'
import { newBoardInput } from '@/lib/boards/boardInput'
import { createBoard, listBoards } from '@/lib/db/boards'
import { getDatabase } from '@/lib/db/client'
import { BadRequest, jsonError, readJsonBody } from '@/lib/http/json'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const boards = await listBoards(await getDatabase())
  return Response.json({ boards: boards.map((board) => boardJson(board, requestOrigin(request))) })
}

export async function POST(request: Request) {
  try {
    const parsed = newBoardInput.safeParse(await readJsonBody(request, 16 * 1024))
    if (!parsed.success) return jsonError(400, parsed.error.issues.map((issue) => issue.message).join('; '))
    const board = await createBoard(await getDatabase(), parsed.data.name)
    return Response.json(boardJson(board, requestOrigin(request)), { status: 201 })
  } catch (error) {
    if (error instanceof BadRequest) return jsonError(error.status, error.message)
    throw error
  }
}
