import { liveBoards } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import { rotateLinkGeneration } from '../db/boardLinks.ts'
import { boardLink } from './boardLinks.ts'
import type { Role } from './roles.ts'

/**
 * Replaces a role's link: the older links of that role stop working at once,
 * and the connections opened with them are closed, here and (through Redis)
 * on the other instances. Answers the new link, or null when the board does
 * not exist.
 */
export async function rotateLink(db: Database, key: Buffer, origin: string, boardId: string, role: Role): Promise<string | null> {
  const generation = await rotateLinkGeneration(db, boardId, role)
  if (generation === null) return null
  liveBoards()?.disconnect(boardId, role)
  return boardLink(key, origin, boardId, role, generation)
}
