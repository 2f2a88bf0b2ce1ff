import type { Database } from '../db/client.ts'
import { linkGenerations } from '../db/boardLinks.ts'
import { verifyCapability } from './capabilityToken.ts'
import type { Role } from './roles.ts'

/** Why a request may not reach a board; the status is what HTTP and the websocket upgrade answer. */
export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403 | 404,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The role a token grants on a board, checked before anything of the board is
 * loaded: a missing or forged token is refused without touching the database
 * (401), a genuine token of another board is 403, a token of an older
 * generation (its role's links were rotated) 401.
 */
export async function authorizeBoard(db: Database, key: Buffer, boardId: string, token: string | undefined): Promise<Role> {
  if (!token) throw new AccessDenied(401, 'this board needs a link with a token')
  const capability = verifyCapability(key, token)
  if (!capability) throw new AccessDenied(401, 'the link is not valid')
  if (capability.boardId !== boardId) throw new AccessDenied(403, 'the link is for another board')
  const generations = await linkGenerations(db, boardId)
  if (!generations) throw new AccessDenied(404, 'board not found')
  if (generations[capability.role] !== capability.generation) throw new AccessDenied(401, 'the link was replaced by a new one')
  return capability.role
}
