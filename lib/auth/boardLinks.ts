import { boardPath } from '../boards/boardJson.ts'
import type { LinkGenerations } from '../db/boardLinks.ts'
import { signCapability } from './capabilityToken.ts'
import { type Role, roles } from './roles.ts'

/**
 * A role's link: the board's page with the token in the fragment, which
 * browsers never send to a server, so it stays out of proxy logs and Referer.
 */
export function boardLink(key: Buffer, origin: string, boardId: string, role: Role, generation: number): string {
  const token = signCapability(key, { boardId, role, generation })
  return new URL(`${boardPath(boardId)}#token=${token}`, origin).toString()
}

export function boardLinks(key: Buffer, origin: string, boardId: string, generations: LinkGenerations): Record<Role, string> {
  return Object.fromEntries(roles.map((role) => [role, boardLink(key, origin, boardId, role, generations[role])])) as Record<Role, string>
}
