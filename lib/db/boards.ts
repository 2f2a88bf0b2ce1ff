import type { Database } from './client.ts'
import { newBoardId } from '../boards/boardId.ts'

export interface BoardSummary {
  id: string
  name: string
  createdAt: Date
  updatedAt: Date
}

const summary = { id: true, name: true, createdAt: true, updatedAt: true } as const

export async function createBoard(db: Database, name: string): Promise<BoardSummary> {
  return db.prisma.board.create({ data: { id: newBoardId(), name }, select: summary })
}

export async function findBoard(db: Database, id: string): Promise<BoardSummary | null> {
  return db.prisma.board.findUnique({ where: { id }, select: summary })
}

/** Newest first. */
export async function listBoards(db: Database, limit = 100): Promise<BoardSummary[]> {
  return db.prisma.board.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit, select: summary })
}

/** A board with its initial state (a Yjs update) as its snapshot; Prisma writes the nested create in one transaction. */
export async function createBoardWithState(db: Database, name: string, state: Uint8Array): Promise<BoardSummary> {
  return db.prisma.board.create({
    data: { id: newBoardId(), name, snapshot: { create: { data: new Uint8Array(state) } } },
    select: summary,
  })
}
