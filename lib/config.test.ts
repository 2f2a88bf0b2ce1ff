import { describe, expect, test } from 'vitest'
import { readConfig } from './config.ts'

describe('ALLOWED_ORIGINS', () => {
  test('is empty by default: only the app’s own origin may change boards', () => {
    expect(readConfig({}).allowedOrigins).toEqual([])
  })
  test('reads comma-separated origins, written as a browser sends them', () => {
    expect(readConfig({ ALLOWED_ORIGINS: 'https://Board.Example.com/, http://localhost:8080' }).allowedOrigins).toEqual([
      'https://board.example.com',
      'http://localhost:8080',
    ])
  })
  test('refuses anything that is not an origin, naming the variable', () => {
    expect(() => readConfig({ ALLOWED_ORIGINS: 'https://board.example.com/app' })).toThrow(/ALLOWED_ORIGINS.*"https:\/\/board.example.com\/app"/)
    expect(() => readConfig({ ALLOWED_ORIGINS: 'board.example.com' })).toThrow(/ALLOWED_ORIGINS/)
  })
})

describe('connection limits', () => {
  test('default to what a hundred-person workshop never reaches', () => {
    expect(readConfig({})).toMatchObject({
      maxMessagesPerSecond: 300,
      messageBurst: 1000,
      maxBytesPerSecond: 4 * 1024 * 1024,
      byteBurst: 16 * 1024 * 1024,
      maxAwarenessStateBytes: 64 * 1024,
      maxConnectionsPerBoard: 1000,
      maxConnectionsPerAddress: 256,
      handshakeTimeoutMs: 10_000,
    })
  })
  test('the byte burst lets two of the largest messages through unless set, and never less than one', () => {
    expect(readConfig({ MAX_MESSAGE_BYTES: '1048576' }).byteBurst).toBe(2 * 1048576)
    expect(readConfig({ MAX_MESSAGE_BYTES: '1048576', BYTE_BURST: '1048576' }).byteBurst).toBe(1048576)
    expect(() => readConfig({ MAX_MESSAGE_BYTES: '1048576', BYTE_BURST: '1048575' })).toThrow(/BYTE_BURST must be an integer from 1048576/)
  })
  test('refuses a value that is not a positive whole number, naming the variable', () => {
    for (const name of ['MAX_MESSAGES_PER_SECOND', 'MESSAGE_BURST', 'MAX_BYTES_PER_SECOND', 'MAX_AWARENESS_STATE_BYTES', 'MAX_CONNECTIONS_PER_BOARD', 'MAX_CONNECTIONS_PER_ADDRESS', 'HANDSHAKE_TIMEOUT_MS']) {
      expect(() => readConfig({ [name]: '0' }), name).toThrow(new RegExp(`^${name} must be an integer`))
      expect(() => readConfig({ [name]: '2.5' }), name).toThrow(new RegExp(`^${name} must be an integer`))
    }
  })
})

describe('REDIS_URL', () => {
  const secret = 's'.repeat(64)
  test('is off by default, and read as given with a shared secret', () => {
    expect(readConfig({}).redisUrl).toBeUndefined()
    expect(readConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SECRET: secret }).redisUrl).toBe('redis://127.0.0.1:6379')
  })
  test('refuses anything but a redis:// or rediss:// URL, and an instance without SECRET: links made elsewhere would fail on it', () => {
    expect(() => readConfig({ REDIS_URL: 'http://127.0.0.1:6379', SECRET: secret })).toThrow(/REDIS_URL must start with redis:\/\//)
    expect(() => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL needs SECRET/)
  })
})
