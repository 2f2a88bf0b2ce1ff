import { randomUUID } from 'node:crypto'
import { AccessDenied, authorizeBoard } from '../auth/boardAccess.ts'
import { linkKey } from '../auth/linkKey.ts'
import { presentedToken } from '../auth/presentedToken.ts'
import { type Permission, type Role, can } from '../auth/roles.ts'
import { BoardFileError } from '../boardFile/readBoardFile.ts'
import { isBoardId } from '../boards/boardId.ts'
import type { BoardActor } from '../boards/liveBoards.ts'
import { type Database, getDatabase } from '../db/client.ts'
import { consoleLogger } from '../logger.ts'
import { BadRequest, jsonError } from './json.ts'

export interface BoardRequest<P> {
  db: Database
  boardId: string
  /** What the caller's token makes it on this board. */
  role: Role
  /** The caller, as the update log and the audit name who changed what. */
  actor: BoardActor
  request: Request
  params: P
}

type RouteContext<P> = { params: Promise<P & { boardId: string }> }

/**
 * A handler for `/api/boards/<boardId>/…`: checks the id (400), then the
 * caller's token (none or forged 401, another board's 403, revoked 401)
 * before the board is read, then that its role has the permission (403).
 * Bad input raised as {@link BadRequest} becomes its status; anything else a
 * generic 500 (logged by path, never with the query, which may hold a token).
 */
export function boardRoute<P = object>(permission: Permission, handle: (board: BoardRequest<P>) => Promise<Response>) {
  return async (request: Request, { params }: RouteContext<P>): Promise<Response> => {
    const all = await params
    if (!isBoardId(all.boardId)) return jsonError(400, 'malformed board id')
    try {
      const db = await getDatabase()
      const role = await authorizeBoard(db, linkKey(), all.boardId, presentedToken(request.headers.get('authorization'), request.url))
      if (!can(role, permission)) return jsonError(403, `a ${role} may not do this`)
      const actor = { id: `http:${randomUUID()}`, rights: { role, readOnly: !can(role, 'edit') }, displayName: undefined }
      return await handle({ db, boardId: all.boardId, role, actor, request, params: all })
    } catch (error) {
      return errorAnswer(request, error)
    }
  }
}

/** A refusal's own status and reason; anything else a generic 500, its detail logged by path (never the query, which may hold a token). */
export function errorAnswer(request: Request, error: unknown): Response {
  if (error instanceof AccessDenied || error instanceof BadRequest || error instanceof BoardFileError) return jsonError(error.status, error.message)
  consoleLogger.error(`${request.method} ${new URL(request.url).pathname} failed:`, error)
  return jsonError(500, 'internal error')
}

/** A GET that reads what the route is about (null: no such board, 404) and answers with it. */
export function boardGet<T>(read: (db: Database, boardId: string) => Promise<T | null>, answer: (value: T, board: BoardRequest<object>) => Response) {
  return boardRoute('read', async (board) => {
    const value = await read(board.db, board.boardId)
    return value === null ? jsonError(404, 'board not found') : answer(value, board)
  })
}
