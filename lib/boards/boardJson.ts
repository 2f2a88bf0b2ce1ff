import type { BoardSummary } from '../db/boards.ts'

/** A board as the HTTP API shows it; `url` is where people open it. */
export function boardJson(board: BoardSummary, origin: string) {
  return {
    id: board.id,
    name: board.name,
    url: new URL(boardPath(board.id), origin).toString(),
    createdAt: board.createdAt.toISOString(),
    updatedAt: board.updatedAt.toISOString(),
  }
}

export const boardPath = (id: string) => `/b/${encodeURIComponent(id)}`
