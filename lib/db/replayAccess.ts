import type { Database } from './client.ts'

/** Whether everyone with a link may replay the board's history; null when there is no such board. */
export async function readReplayOpen(db: Database, boardId: string): Promise<boolean | null> {
  return (await db.prisma.board.findUnique({ where: { id: boardId }, select: { replayOpen: true } }))?.replayOpen ?? null
}

export async function writeReplayOpen(db: Database, boardId: string, open: boolean): Promise<void> {
  await db.prisma.board.update({ where: { id: boardId }, data: { replayOpen: open } })
}
