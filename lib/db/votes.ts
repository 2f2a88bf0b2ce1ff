import { type Dot, freeSlot } from '../facilitation/dotVoting.ts'
import type { Database } from './client.ts'

/** The dots of a board's round: everyone's (to count them), or one voter's. */
export async function listDots(db: Database, boardId: string, round: string, voter?: string): Promise<Dot[]> {
  return db.prisma.vote.findMany({ where: { boardId, round, ...(voter === undefined ? {} : { voter }) }, select: { voter: true, shapeId: true }, orderBy: { createdAt: 'asc' } })
}

/** Why a dot was not put: the voter has used every one, or the round has all the voters it takes. */
export type DotRefusal = 'no-dots-left' | 'round-full'

/**
 * Puts one of the voter's dots on a candidate, in their lowest free place,
 * unless they have none left or they would be a new voter past `maxVoters`.
 * Decided under the board row's lock, so requests at once (one voter's, or
 * many new voters') are counted one after another and no limit is passed.
 */
export async function addDot(
  db: Database,
  dot: { boardId: string; round: string; voter: string; shapeId: string },
  limits: { votesPerPerson: number; maxVoters: number },
): Promise<DotRefusal | null> {
  const { boardId, round, voter } = dot
  return db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Board" WHERE "id" = ${boardId} FOR UPDATE`
    const taken = await tx.vote.findMany({ where: { boardId, round, voter }, select: { slot: true } })
    if (taken.length === 0) {
      const voters = await tx.vote.findMany({ where: { boardId, round }, distinct: ['voter'], select: { voter: true } })
      if (voters.length >= limits.maxVoters) return 'round-full'
    }
    const slot = freeSlot(
      taken.map((placed) => placed.slot),
      limits.votesPerPerson,
    )
    if (slot === null) return 'no-dots-left'
    await tx.vote.create({ data: { ...dot, slot } })
    return null
  })
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
