import { isBoardId } from '../boards/boardId.ts'
import { type Database, getDatabase } from '../db/client.ts'
import { jsonError } from './json.ts'

type BoardParams = { params: Promise<{ boardId: string }> }

/**
 * A GET handler for `/api/boards/<boardId>/…`: checks the id (400), reads
 * what the route is about (null means no such board: 404), and answers.
 */
export function boardGet<T>(read: (db: Database, boardId: string) => Promise<T | null>, answer: (value: T, request: Request) => Response) {
  return async (request: Request, { params }: BoardParams): Promise<Response> => {
    const { boardId } = await params
    if (!isBoardId(boardId)) return jsonError(400, 'malformed board id')
    const value = await read(await getDatabase(), boardId)
    if (value === null) return jsonError(404, 'board not found')
    return answer(value, request)
  }
}
