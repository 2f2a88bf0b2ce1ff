import { type Dot, freeSlot } from '../facilitation/dotVoting.ts'
import type { Database } from './client.ts'

/** The dots of a board's round: everyone's (to count them), or one voter's. */
export async function listDots(db: Database, boardId: string, round: string, voter?: string): Promise<Dot[]> {
  return db.prisma.vote.findMany({ where: { boardId, round, ...(voter === undefined ? {} : { voter }) }, select: { voter: true, shapeId: true }, orderBy: { createdAt: 'asc' } })
}

/**
 * Puts one of the voter's dots on a candidate, in their lowest free place;
 * false when they have none left. Two requests at once may pick the same
 * place: the second fails on the key and looks again.
 */
export async function addDot(db: Database, boardId: string, round: string, voter: string, shapeId: string, votesPerPerson: number): Promise<boolean> {
  for (let attempt = 0; attempt <= votesPerPerson; attempt++) {
    const taken = await db.prisma.vote.findMany({ where: { boardId, round, voter }, select: { slot: true } })
    const slot = freeSlot(
      taken.map((dot) => dot.slot),
      votesPerPerson,
    )
    if (slot === null) return false
    try {
      await db.prisma.vote.create({ data: { boardId, round, voter, slot, shapeId } })
      return true
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'P2002') throw error
    }
  }
  return false
}

/** How many people have votes in the round. */
export async function countVoters(db: Database, boardId: string, round: string): Promise<number> {
  return (await db.prisma.vote.findMany({ where: { boardId, round }, distinct: ['voter'], select: { voter: true } })).length
}

/** Takes back one of the voter's dots from a candidate; false when they have none there. */
export async function removeDot(db: Database, boardId: string, round: string, voter: string, shapeId: string): Promise<boolean> {
  const dot = await db.prisma.vote.findFirst({ where: { boardId, round, voter, shapeId }, orderBy: { slot: 'desc' }, select: { slot: true } })
  if (!dot) return false
  const { count } = await db.prisma.vote.deleteMany({ where: { boardId, round, voter, slot: dot.slot } })
  return count > 0
}

/** Forgets the dots of the board's votes (but those of the round `keep`): a new round started, or the vote ended. */
export async function clearDots(db: Database, boardId: string, keep?: string): Promise<void> {
  await db.prisma.vote.deleteMany({ where: { boardId, ...(keep === undefined ? {} : { round: { not: keep } }) } })
}
