import { boardLinks } from '../auth/boardLinks.ts'
import { mayCreateBoards } from '../auth/createAccess.ts'
import { linkKey } from '../auth/linkKey.ts'
import { presentedToken } from '../auth/presentedToken.ts'
import { newBoardJson } from '../boards/boardJson.ts'
import { readConfig } from '../config.ts'
import type { BoardSummary } from '../db/boards.ts'
import { recordAudit } from '../db/auditLog.ts'
import { type Database, getDatabase } from '../db/client.ts'
import { jsonError } from './json.ts'
import { requestOrigin } from './origin.ts'

const firstGenerations = { facilitator: 0, participant: 0, viewer: 0 }

/**
 * Creating a board (blank or imported): allowed to anyone on a LAN server,
 * only with CREATE_TOKEN when one is set; answered 201 with the board and
 * its facilitator, participant and viewer links.
 */
export async function createBoardAnswer(request: Request, create: (db: Database) => Promise<BoardSummary>): Promise<Response> {
  const token = presentedToken(request.headers.get('authorization'), request.url)
  if (!mayCreateBoards(token, readConfig().createToken)) return jsonError(401, 'creating boards on this server needs its creation key')
  const db = await getDatabase()
  const board = await create(db)
  await recordAudit(db, { boardId: board.id, action: 'board.created' })
  const origin = requestOrigin(request)
  return Response.json(newBoardJson(board, origin, boardLinks(linkKey(), origin, board.id, firstGenerations)), { status: 201 })
}
