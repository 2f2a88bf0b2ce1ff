import { randomBytes } from 'node:crypto'

const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const length = 12

/** A new board id: 12 characters from an unambiguous alphabet (about 70 bits). */
export function newBoardId(): string {
  const bytes = randomBytes(length * 2)
  let id = ''
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte < 256 - (256 % alphabet.length)) id += alphabet[byte % alphabet.length]
    if (id.length === length) return id
  }
  return id + newBoardId().slice(id.length)
}

/** Ids in URLs and websocket paths are checked against this before any lookup. */
export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{6,64}$/.test(value)
}
