import { describe, expect, test } from 'vitest'
import { connectionStatus, offlineAfterMs, refusedCloseCode, restartsAfterClose } from './connectionStatus.ts'

const facts = { connected: false, wasConnected: true, browserOnline: true, downForMs: 500 }

describe('the connection indicator', () => {
  test('shows connected while synced, whatever happened before', () => {
    expect(connectionStatus({ ...facts, connected: true, downForMs: 0 })).toBe('connected')
  })
  test('shows reconnecting after a drop, and offline once the server stays away', () => {
    expect(connectionStatus(facts)).toBe('reconnecting')
    expect(connectionStatus({ ...facts, downForMs: offlineAfterMs })).toBe('offline')
  })
  test('shows offline at once when the browser loses its network', () => {
    expect(connectionStatus({ ...facts, browserOnline: false })).toBe('offline')
  })
  test('shows connecting before the first connection', () => {
    expect(connectionStatus({ ...facts, wasConnected: false })).toBe('connecting')
  })
  test('says so when the server closed for good: the link was replaced, or a change was refused', () => {
    expect(connectionStatus({ ...facts, closedWith: 4401 })).toBe('revoked')
    expect(connectionStatus({ ...facts, connected: true, closedWith: 4403 })).toBe('refused')
  })
})

describe('after the server refused a change', () => {
  test('the board starts again from the server’s state, a few times a minute at most', () => {
    const now = 1_000_000
    expect(restartsAfterClose(refusedCloseCode, now, [])).toBe(true)
    expect(restartsAfterClose(refusedCloseCode, now, [now - 50_000, now - 20_000])).toBe(true)
    expect(restartsAfterClose(refusedCloseCode, now, [now - 50_000, now - 20_000, now - 1_000])).toBe(false)
    // Older ones no longer count.
    expect(restartsAfterClose(refusedCloseCode, now, [now - 90_000, now - 70_000, now - 61_000])).toBe(true)
  })
  test('a replaced link or any other close is not started again', () => {
    expect(restartsAfterClose(4401, 0, [])).toBe(false)
    expect(restartsAfterClose(4413, 0, [])).toBe(false)
  })
})
