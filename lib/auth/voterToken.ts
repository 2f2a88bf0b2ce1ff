import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { isBoardId } from '../boards/boardId.ts'
import { linkKey } from './linkKey.ts'
import { deriveKey } from './serverSecret.ts'

/**
 * Who votes. Capability links are per role, not per person, so a browser gets
 * a voter id of its own the first time it opens a vote, signed by the server
 * and kept in the browser's storage: the server counts dots by it, so a reload
 * gives nobody more. Clearing the storage (or another browser) makes a new
 * voter; it is one person per browser, not an account.
 *
 *   token = "v1" "." boardId "." voterId "." base64url(mac)
 *   mac   = HMAC-SHA256(voterKey, "eventstorm-voter/v1" NUL boardId NUL voterId)
 */
export interface Voter {
  boardId: string
  voterId: string
}

const version = 'v1'
const macBytes = 32
const voterIdPattern = /^[A-Za-z0-9_-]{22}$/

/** Keyed apart from the links (from their key, with its own purpose), so neither token can pass for the other. */
export function voterKeyFrom(linkSigningKey: Buffer): Buffer {
  return deriveKey(linkSigningKey, 'voter-ids')
}

export const voterKey = (): Buffer => voterKeyFrom(linkKey())

export function newVoter(boardId: string): Voter {
  return { boardId, voterId: randomBytes(16).toString('base64url') }
}

export function signVoter(key: Buffer, voter: Voter): string {
  return [version, voter.boardId, voter.voterId, mac(key, voter).toString('base64url')].join('.')
}

/** The voter a token proves on this board, or null (malformed, forged, or another board's). */
export function verifyVoter(key: Buffer, boardId: string, token: string): Voter | null {
  if (token.length > 120) return null
  const parts = token.split('.')
  if (parts.length !== 4) return null
  const [tokenVersion, tokenBoard, voterId, macText] = parts as [string, string, string, string]
  if (tokenVersion !== version || tokenBoard !== boardId || !isBoardId(tokenBoard) || !voterIdPattern.test(voterId)) return null
  const given = Buffer.from(macText, 'base64url')
  if (given.length !== macBytes || given.toString('base64url') !== macText) return null
  const voter = { boardId, voterId }
  return timingSafeEqual(given, mac(key, voter)) ? voter : null
}

function mac(key: Buffer, { boardId, voterId }: Voter): Buffer {
  return createHmac('sha256', key).update(`eventstorm-voter/${version}\0${boardId}\0${voterId}`).digest()
}

/** The voter a request's `X-Voter-Token` proves, or a new one when it proves none; with the token the answer hands back. */
export function voterOfRequest(key: Buffer, boardId: string, presented: string | null): { voter: Voter; token: string } {
  const voter = (presented && verifyVoter(key, boardId, presented)) || newVoter(boardId)
  return { voter, token: signVoter(key, voter) }
}
