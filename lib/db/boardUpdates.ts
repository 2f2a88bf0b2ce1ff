import * as Y from 'yjs'
import type { Database } from './client.ts'

/** A board's stored state: its compacted snapshot followed by the log written since. */
export interface StoredBoardState {
  updates: Uint8Array[]
  /** Rows in the log after the snapshot: what compaction would fold in. */
  logRows: number
  logBytes: number
}

/** Compaction folds the log into the snapshot once either bound is passed. */
export interface CompactionBounds {
  maxLogRows: number
  maxLogBytes: number
}

export const defaultCompactionBounds: CompactionBounds = { maxLogRows: 500, maxLogBytes: 4 * 1024 * 1024 }

/** Null when the board does not exist. */
export async function loadBoardState(db: Database, boardId: string): Promise<StoredBoardState | null> {
  const board = await db.prisma.board.findUnique({
    where: { id: boardId },
    select: { snapshot: { select: { data: true } }, updates: { select: { data: true }, orderBy: { id: 'asc' } } },
  })
  if (!board) return null
  const log = board.updates.map((u) => u.data)
  return {
    updates: board.snapshot ? [board.snapshot.data, ...log] : log,
    logRows: log.length,
    logBytes: log.reduce((sum, u) => sum + u.byteLength, 0),
  }
}

/** Who wrote an update: the connection's role, the name it showed, and its id; none for the server's own changes. */
export interface UpdateAuthor {
  role: string
  name: string | undefined
  connectionId: string
}

/** Appends to the log and marks the board as edited, in one statement: this runs on every write interval. */
export async function appendUpdate(db: Database, boardId: string, update: Uint8Array, author?: UpdateAuthor): Promise<void> {
  await db.prisma.$executeRaw`
    WITH appended AS (
      INSERT INTO "BoardUpdate" ("boardId", "data", "authorRole", "authorName", "connectionId")
      VALUES (${boardId}, ${toBytes(update)}, ${author?.role ?? null}, ${author?.name ?? null}, ${author?.connectionId ?? null})
    )
    UPDATE "Board" SET "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = ${boardId}`
}

/**
 * Folds the snapshot and the whole log into one snapshot. It works on the rows,
 * not on a document in memory, so an instance never drops updates written by
 * another; the board row lock serialises concurrent compactions of one board.
 */
export async function compactBoard(db: Database, boardId: string): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Board" WHERE "id" = ${boardId} FOR UPDATE`
    const snapshot = await tx.boardSnapshot.findUnique({ where: { boardId }, select: { data: true } })
    const log = await tx.boardUpdate.findMany({ where: { boardId }, orderBy: { id: 'asc' }, select: { id: true, data: true } })
    const last = log.at(-1)
    if (!last) return
    const merged = Y.mergeUpdates(snapshot ? [snapshot.data, ...log.map((u) => u.data)] : log.map((u) => u.data))
    await tx.boardSnapshot.upsert({
      where: { boardId },
      create: { boardId, data: toBytes(merged) },
      update: { data: toBytes(merged), updatedAt: new Date() },
    })
    await tx.boardUpdate.deleteMany({ where: { boardId, id: { lte: last.id } } })
  })
}

function toBytes(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(update)
}
