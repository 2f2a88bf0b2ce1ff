import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Whether a request may create boards: anyone when no CREATE_TOKEN is set (a
 * LAN workshop), else only who presents it. Compared in constant time (as
 * hashes, so the lengths match).
 */
export function mayCreateBoards(presented: string | undefined, createToken: string | undefined): boolean {
  if (createToken === undefined) return true
  if (presented === undefined) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(presented), digest(createToken))
}
