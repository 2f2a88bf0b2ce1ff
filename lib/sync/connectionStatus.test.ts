import { describe, expect, test } from 'vitest'
import { connectionStatus, offlineAfterMs } from './connectionStatus.ts'

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
