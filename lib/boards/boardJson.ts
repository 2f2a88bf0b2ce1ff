import type { Role } from '../auth/roles.ts'
import type { BoardSummary } from '../db/boards.ts'

/** A board as the HTTP API shows it; `url` is its page, which opens only with a link's token. */
export function boardJson(board: BoardSummary, origin: string) {
  return {
    id: board.id,
    name: board.name,
    url: new URL(boardPath(board.id), origin).toString(),
    createdAt: board.createdAt.toISOString(),
    updatedAt: board.updatedAt.toISOString(),
  }
}

/** A new board with its three links: the only answer that ever shows the facilitator's link. */
export function newBoardJson(board: BoardSummary, origin: string, links: Record<Role, string>) {
  return { ...boardJson(board, origin), links }
}

export const boardPath = (id: string) => `/b/${encodeURIComponent(id)}`
