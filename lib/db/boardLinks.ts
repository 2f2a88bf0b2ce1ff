import type { Role } from '../auth/roles.ts'
import type { Database } from './client.ts'

const column = { facilitator: 'facilitatorGeneration', participant: 'participantGeneration', viewer: 'viewerGeneration' } as const

export type LinkGenerations = Record<Role, number>

/** The current generation of each role's links; null when the board does not exist. */
export async function linkGenerations(db: Database, boardId: string): Promise<LinkGenerations | null> {
  const board = await db.prisma.board.findUnique({
    where: { id: boardId },
    select: { facilitatorGeneration: true, participantGeneration: true, viewerGeneration: true },
  })
  return board && { facilitator: board.facilitatorGeneration, participant: board.participantGeneration, viewer: board.viewerGeneration }
}

/** Moves a role's links to a new generation, revoking the older ones; answers the new generation, null when there is no such board. */
export async function rotateLinkGeneration(db: Database, boardId: string, role: Role): Promise<number | null> {
  const rows = await db.prisma.board.updateManyAndReturn({
    where: { id: boardId },
    data: { [column[role]]: { increment: 1 } },
    select: { [column[role]]: true },
  })
  const row = rows[0] as Record<string, number> | undefined
  return row ? row[column[role]]! : null
}
