import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { deriveKey, loadServerSecret } from './serverSecret.ts'

describe('the server secret', () => {
  const dirs: string[] = []
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventstorm-secret-'))
    dirs.push(dir)
    return join(dir, 'data')
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  test('is SECRET when it is set, and nothing is written', () => {
    const dir = dataDir()
    expect(loadServerSecret('s'.repeat(40), dir).toString()).toBe('s'.repeat(40))
    expect(() => statSync(join(dir, 'secret'))).toThrow()
  })

  test('is generated once into DATA_DIR, readable by its owner only, and the same on the next start', () => {
    const dir = dataDir()
    const first = loadServerSecret(undefined, dir)
    expect(first.length).toBe(64)
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600)
    expect(loadServerSecret(undefined, dir).equals(first)).toBe(true)
  })

  test('a secret file others could read is made private again', () => {
    const dir = dataDir()
    loadServerSecret(undefined, dir)
    const path = join(dir, 'secret')
    writeFileSync(path, readFileSync(path), { mode: 0o644 })
    chmodSync(path, 0o644)
    loadServerSecret(undefined, dir)
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  test('a damaged secret file stops the start with a reason instead of signing with a weak key', () => {
    const dir = dataDir()
    loadServerSecret(undefined, dir)
    writeFileSync(join(dir, 'secret'), 'short')
    expect(() => loadServerSecret(undefined, dir)).toThrow(/no usable secret/)
  })

  test('keys derived for different purposes differ', () => {
    const secret = Buffer.from('x'.repeat(64))
    expect(deriveKey(secret, 'a').equals(deriveKey(secret, 'b'))).toBe(false)
    expect(deriveKey(secret, 'a').equals(deriveKey(secret, 'a'))).toBe(true)
  })
})
