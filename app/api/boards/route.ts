import { mayCreateBoards } from '@/lib/auth/createAccess'
import { presentedToken } from '@/lib/auth/presentedToken'
import { boardJson } from '@/lib/boards/boardJson'
import { newBoardInput } from '@/lib/boards/boardInput'
import { createBlankBoard } from '@/lib/boardFile/importBoard'
import { readConfig } from '@/lib/config'
import { listBoards } from '@/lib/db/boards'
import { getDatabase } from '@/lib/db/client'
import { createBoardAnswer } from '@/lib/http/boardCreation'
import { BadRequest, jsonError, readJsonBody } from '@/lib/http/json'
import { requestOrigin } from '@/lib/http/origin'
import { startFromTemplate } from '@/lib/templates/templates'

export const dynamic = 'force-dynamic'

/**
 * Boards are found through their links, never listed to strangers: only the
 * holder of CREATE_TOKEN (the server's operator) gets the list, without links.
 */
export async function GET(request: Request) {
  const { createToken } = readConfig()
  const token = presentedToken(request.headers.get('authorization'), request.url)
  if (createToken === undefined || !mayCreateBoards(token, createToken)) return Response.json({ boards: [] })
  const boards = await listBoards(await getDatabase())
  return Response.json({ boards: boards.map((board) => boardJson(board, requestOrigin(request))) })
}

export async function POST(request: Request) {
  try {
    return await createBoardAnswer(request, async (db) => {
      const parsed = newBoardInput.safeParse(await readJsonBody(request, 16 * 1024))
      if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => issue.message).join('; '))
      const { name, templateId } = parsed.data
      return templateId === undefined ? createBlankBoard(db, name) : startFromTemplate(db, templateId, name)
    })
  } catch (error) {
    if (error instanceof BadRequest) return jsonError(error.status, error.message)
    throw error
  }
}
