import { createHmac, randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** At least 256 bits, written as 64 hex characters. */
export const minSecretLength = 32

/**
 * The server's secret: `SECRET` when set (several instances must share it),
 * else one generated once into `<DATA_DIR>/secret`, readable by its owner only.
 */
export function loadServerSecret(secret: string | undefined, dataDir: string): Buffer {
  if (secret !== undefined) return Buffer.from(secret, 'utf8')
  const path = join(dataDir, 'secret')
  mkdirSync(dataDir, { recursive: true })
  try {
    // 'wx': of two processes starting at once, one writes and the other reads what it wrote.
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  const stored = readFileSync(path, 'utf8').trim()
  if (stored.length < minSecretLength) throw new Error(`${path} holds no usable secret; delete it to have a new one made (every link will change)`)
  return Buffer.from(stored, 'utf8')
}

/** A key for one purpose, so the secret itself never keys two different things. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`eventstorm/${purpose}`).digest()
}
