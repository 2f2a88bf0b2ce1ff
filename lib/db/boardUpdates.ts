import * as Y from 'yjs'
import type { Database } from './client.ts'
import { Prisma } from './generated/client.ts'

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

/** One row of the log as the replay reads it: when it was written, by whom, and the update. */
export interface LogEntry {
  id: bigint
  at: Date
  data: Uint8Array
  /** Null for the server's own changes. */
  author: { role: string; name: string | null; connectionId: string } | null
}

/** The snapshot's state, when it was last written, and when the log was last folded into it (null: never). Null when the board has none. */
export async function readSnapshot(db: Database, boardId: string): Promise<{ data: Uint8Array; updatedAt: Date; compactedAt: Date | null } | null> {
  return db.prisma.boardSnapshot.findUnique({ where: { boardId }, select: { data: true, updatedAt: true, compactedAt: true } })
}

/** Up to `limit` rows of the log after row `afterId` (and up to row `upTo`, when given), oldest first. */
export async function readLogPage(db: Database, boardId: string, page: { afterId: bigint; upTo?: bigint; limit: number }): Promise<LogEntry[]> {
  const rows = await db.prisma.boardUpdate.findMany({
    where: { boardId, id: { gt: page.afterId, ...(page.upTo !== undefined && { lte: page.upTo }) } },
    orderBy: { id: 'asc' },
    take: page.limit,
    select: { id: true, createdAt: true, data: true, authorRole: true, authorName: true, connectionId: true },
  })
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    data: row.data,
    author: row.authorRole === null ? null : { role: row.authorRole, name: row.authorName, connectionId: row.connectionId ?? '' },
  }))
}

/** Whether a row is still in the board's log (compaction folds rows into the snapshot and deletes them). */
export async function logRowExists(db: Database, boardId: string, id: bigint): Promise<boolean> {
  return (await db.prisma.boardUpdate.count({ where: { boardId, id } })) > 0
}

/** One row of a board's log: a (merged) update and who made it. */
export interface LogRow {
  update: Uint8Array
  author?: UpdateAuthor
}

/**
 * Appends rows to the log and marks the board as edited, in one statement:
 * this runs on every write interval, with a row per person who edited, and
 * each statement costs the event loop Prisma's query building.
 */
export async function appendUpdates(db: Database, boardId: string, rows: LogRow[]): Promise<void> {
  const values = rows.map(
    ({ update, author }) => Prisma.sql`(${boardId}, ${toBytes(update)}, ${author?.role ?? null}, ${author?.name ?? null}, ${author?.connectionId ?? null})`,
  )
  await db.prisma.$executeRaw`
    WITH appended AS (
      INSERT INTO "BoardUpdate" ("boardId", "data", "authorRole", "authorName", "connectionId")
      VALUES ${Prisma.join(values)}
    )
    UPDATE "Board" SET "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = ${boardId}`
}

export function appendUpdate(db: Database, boardId: string, update: Uint8Array, author?: UpdateAuthor): Promise<void> {
  return appendUpdates(db, boardId, [{ update, author }])
}

/**
 * Folds the snapshot and the whole log into one snapshot. It works on the rows,
 * not on a document in memory, so an instance never drops updates written by
 * another. The board row lock serialises concurrent compactions of one board
 * (the second folds only what the first left), and appends, which update that
 * row in the same statement, wait for it; only the rows folded in are deleted,
 * so a row committed meanwhile is never dropped unfolded.
 */
export async function compactBoard(db: Database, boardId: string): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Board" WHERE "id" = ${boardId} FOR UPDATE`
    const snapshot = await tx.boardSnapshot.findUnique({ where: { boardId }, select: { data: true } })
    const log = await tx.boardUpdate.findMany({ where: { boardId }, orderBy: { id: 'asc' }, select: { id: true, data: true } })
    if (log.length === 0) return
    const merged = Y.mergeUpdates(snapshot ? [snapshot.data, ...log.map((u) => u.data)] : log.map((u) => u.data))
    const now = new Date()
    await tx.boardSnapshot.upsert({
      where: { boardId },
      create: { boardId, data: toBytes(merged), updatedAt: now, compactedAt: now },
      update: { data: toBytes(merged), updatedAt: now, compactedAt: now },
    })
    await tx.boardUpdate.deleteMany({ where: { boardId, id: { in: log.map((u) => u.id) } } })
  })
}

/**
 * Appends what of `update` the board does not store yet, deciding under the
 * board row lock (as compaction does), so several instances rescuing the same
 * edits write them once. Reads the whole stored board: for rare rescues, not
 * for every write. Resolves whether anything was written.
 */
export async function appendMissing(db: Database, boardId: string, update: Uint8Array): Promise<boolean> {
  return db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Board" WHERE "id" = ${boardId} FOR UPDATE`
    const snapshot = await tx.boardSnapshot.findUnique({ where: { boardId }, select: { data: true } })
    const log = await tx.boardUpdate.findMany({ where: { boardId }, select: { data: true } })
    const stored = [...(snapshot ? [snapshot.data] : []), ...log.map((u) => u.data)]
    const missing = stored.length === 0 ? update : Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(Y.mergeUpdates(stored)))
    if (!Y.decodeUpdate(missing).structs.some((struct) => !(struct instanceof Y.Skip))) return false
    await tx.$executeRaw`
      WITH appended AS (INSERT INTO "BoardUpdate" ("boardId", "data") VALUES (${boardId}, ${toBytes(missing)}))
      UPDATE "Board" SET "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = ${boardId}`
    return true
  })
}

function toBytes(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(update)
}
