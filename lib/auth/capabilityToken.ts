import { createHmac, timingSafeEqual } from 'node:crypto'
import { isBoardId } from '../boards/boardId.ts'
import { type Role, isRole } from './roles.ts'

/**
 * A capability link's token: which board, which role, which generation of
 * that role's links, and an HMAC-SHA256 over the three, keyed by the server's
 * secret. Anyone holding it may act in that role on that board until the
 * role's generation moves on (a rotation).
 *
 *   token = "v1" "." boardId "." role "." generation "." base64url(mac)
 *   mac   = HMAC-SHA256(key, "eventstorm-link/v1" NUL boardId NUL role NUL generation)
 *
 * Board ids never contain dots. The claims are readable on purpose: they are
 * not secret (the board id is in every URL), only unforgeable.
 */
export interface Capability {
  boardId: string
  role: Role
  generation: number
}

const version = 'v1'
const macBytes = 32
const maxTokenLength = 200

export function signCapability(key: Buffer, capability: Capability): string {
  const { boardId, role, generation } = capability
  return [version, boardId, role, generation, mac(key, capability).toString('base64url')].join('.')
}

/** The capability a token proves, or null when it is malformed or its MAC does not match (compared in constant time). */
export function verifyCapability(key: Buffer, token: string): Capability | null {
  if (token.length > maxTokenLength) return null
  const parts = token.split('.')
  if (parts.length !== 5) return null
  const [tokenVersion, boardId, role, generationText, macText] = parts as [string, string, string, string, string]
  if (tokenVersion !== version || !isBoardId(boardId) || !isRole(role) || !/^(0|[1-9][0-9]{0,8})$/.test(generationText)) return null
  const given = Buffer.from(macText, 'base64url')
  const capability = { boardId, role, generation: Number(generationText) }
  if (given.length !== macBytes || given.toString('base64url') !== macText) return null
  return timingSafeEqual(given, mac(key, capability)) ? capability : null
}

function mac(key: Buffer, { boardId, role, generation }: Capability): Buffer {
  return createHmac('sha256', key).update(`eventstorm-link/${version}\0${boardId}\0${role}\0${generation}`).digest()
}
