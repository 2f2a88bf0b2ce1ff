import { describe, expect, test } from 'vitest'
import { bestOffset, serverClockOffset } from './serverClock.ts'
import { formatRemaining, isTimeUp, pauseTimer, remainingMs, resumeTimer, startTimer } from './timer.ts'

const minute = 60_000

describe('the workshop timer', () => {
  test('a running timer counts down from its start and stops at zero', () => {
    const timer = startTimer(5 * minute, 1_000_000)
    expect(remainingMs(timer, 1_000_000)).toBe(5 * minute)
    expect(remainingMs(timer, 1_000_000 + 2 * minute)).toBe(3 * minute)
    expect(remainingMs(timer, 1_000_000 + 9 * minute)).toBe(0)
    expect(isTimeUp(timer, 1_000_000 + 5 * minute)).toBe(true)
    expect(isTimeUp(timer, 1_000_000 + 5 * minute - 1)).toBe(false)
  })

  test('a paused timer keeps what was left, however long the pause, and resumes from there', () => {
    const paused = pauseTimer(startTimer(5 * minute, 0), 2 * minute)
    expect(remainingMs(paused, 2 * minute)).toBe(3 * minute)
    expect(remainingMs(paused, 60 * minute)).toBe(3 * minute)
    const resumed = resumeTimer(paused, 60 * minute)
    expect(remainingMs(resumed, 61 * minute)).toBe(2 * minute)
    expect(resumed.durationMs).toBe(5 * minute)
  })

  test('pausing a paused timer or resuming a running one changes nothing', () => {
    const running = startTimer(minute, 0)
    expect(resumeTimer(running, 30_000)).toBe(running)
    const paused = pauseTimer(running, 10_000)
    expect(pauseTimer(paused, 50_000)).toBe(paused)
  })

  test('a late joiner or a reload reads the same remaining time from the stored state', () => {
    const stored = JSON.parse(JSON.stringify(startTimer(10 * minute, 5_000)))
    expect(remainingMs(stored, 5_000 + minute)).toBe(9 * minute)
  })

  test('the time shows in whole seconds, rounded up, so 0:00 means time is up', () => {
    expect(formatRemaining(5 * minute)).toBe('5:00')
    expect(formatRemaining(65_001)).toBe('1:06')
    expect(formatRemaining(9_000)).toBe('0:09')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(62 * minute)).toBe('1:02:00')
  })
})

describe('the server’s clock seen from a browser', () => {
  test('a browser whose clock is two minutes slow reads the offset from one exchange, within half its round trip', () => {
    // The browser sends at its 1000 (server 121000) and hears back 80 ms later; the server read 121040.
    expect(serverClockOffset({ sentAt: 1000, serverNow: 121_040, receivedAt: 1080 })).toBe(2 * minute)
  })

  test('a timer read through the offset shows the same time on a skewed browser', () => {
    const timer = startTimer(5 * minute, 1_000_000)
    const offset = serverClockOffset({ sentAt: 500_000, serverNow: 1_000_000, receivedAt: 500_000 })
    expect(remainingMs(timer, 500_000 + minute + offset)).toBe(4 * minute)
  })

  test('of several exchanges the quickest counts', () => {
    expect(bestOffset([
      { sentAt: 0, serverNow: 1000, receivedAt: 400 },
      { sentAt: 1000, serverNow: 2010, receivedAt: 1020 },
    ])).toBe(1000)
  })
})
