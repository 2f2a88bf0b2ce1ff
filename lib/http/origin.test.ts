import { describe, expect, test } from 'vitest'
import { changesState, type HeaderReader, originAllowed, parseOrigin, requestOrigin } from './origin.ts'

const headers =
  (values: Record<string, string>): HeaderReader =>
  (name) =>
    values[name]

describe('who may change a board', () => {
  const allowed = ['https://other.example']

  test('a page of our own origin may, over either scheme', () => {
    expect(originAllowed(headers({ host: 'board.example.com', origin: 'https://board.example.com' }), [])).toBe(true)
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }), [])).toBe(true)
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'https://localhost:3000' }), [])).toBe(true)
  })
  test('behind a proxy, our origin is the host the proxy was asked for', () => {
    const proxied = { host: 'app:3000', 'x-forwarded-host': 'board.example.com', origin: 'https://board.example.com' }
    expect(originAllowed(headers(proxied), [])).toBe(true)
    expect(originAllowed(headers({ ...proxied, 'x-forwarded-host': 'board.example.com, proxy.internal' }), [])).toBe(true)
    expect(originAllowed(headers({ ...proxied, origin: 'http://app:3000' }), [])).toBe(false)
  })
  test('a page of another origin may not, unless that origin is allowed', () => {
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'http://evil.example' }), allowed)).toBe(false)
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'https://other.example' }), allowed)).toBe(true)
  })
  test('the port and the host must match exactly', () => {
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'http://localhost:3001' }), [])).toBe(false)
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'http://localhost' }), [])).toBe(false)
    expect(originAllowed(headers({ host: 'board.example.com', origin: 'https://board.example.com.evil.example' }), [])).toBe(false)
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'http://other.example:3000' }), allowed)).toBe(false)
  })
  test('a default port written out is the same origin', () => {
    expect(originAllowed(headers({ host: 'board.example.com:443', origin: 'https://board.example.com' }), [])).toBe(true)
  })
  test('a request without an Origin header (a tool, not a browser page) may', () => {
    expect(originAllowed(headers({ host: 'localhost:3000' }), [])).toBe(true)
  })
  test('an opaque origin ("null", from a sandboxed frame or a file) or a malformed one may not', () => {
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'null' }), [])).toBe(false)
    expect(originAllowed(headers({ host: 'localhost:3000', origin: 'localhost:3000' }), [])).toBe(false)
  })
  test('without a Host header only the allowed origins may', () => {
    expect(originAllowed(headers({ origin: 'https://other.example' }), allowed)).toBe(true)
    expect(originAllowed(headers({ origin: 'http://localhost:3000' }), allowed)).toBe(false)
  })
})

describe('reading origins', () => {
  test('an origin is a scheme, a host and maybe a port, lower-cased, default port left out', () => {
    expect(parseOrigin('https://Board.Example.com:443')).toBe('https://board.example.com')
    expect(parseOrigin('http://localhost:3000/')).toBe('http://localhost:3000')
  })
  test('anything more or other than an http(s) origin is not one', () => {
    for (const text of ['https://board.example.com/path', 'https://board.example.com?x', 'ftp://files.example', 'https://user@board.example.com', 'board.example.com', 'null', '']) {
      expect(parseOrigin(text), text).toBeUndefined()
    }
  })
  test('links handed out use the host and scheme the client asked for', () => {
    const request = new Request('http://app:3000/api/boards', { headers: { host: 'app:3000', 'x-forwarded-host': 'board.example.com', 'x-forwarded-proto': 'https' } })
    expect(requestOrigin(request)).toBe('https://board.example.com')
    expect(requestOrigin(new Request('http://localhost:3000/api/boards'))).toBe('http://localhost:3000')
  })
})

test('reading never changes state; every other method may', () => {
  expect(['GET', 'HEAD', 'OPTIONS'].map(changesState)).toEqual([false, false, false])
  expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(changesState)).toEqual([true, true, true, true])
})
