/**
 * The workshop's countdown, in the server's clock: a running timer keeps when
 * it ends, a paused one what was left, so it reads the same after a reload,
 * for someone who joins late, and on a browser whose clock is off (each one
 * reads it through its offset to the server's clock, ./serverClock.ts).
 */
export type TimerState =
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number }

export const minTimerMs = 5_000
export const maxTimerMs = 3 * 60 * 60_000

export function startTimer(durationMs: number, now: number): TimerState {
  return { status: 'running', durationMs, endsAt: now + durationMs }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  return timer.status === 'paused' ? timer : { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) }
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  return timer.status === 'running' ? timer : { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs }
}

export function remainingMs(timer: TimerState, now: number): number {
  return Math.max(0, timer.status === 'running' ? timer.endsAt - now : timer.remainingMs)
}

export const isTimeUp = (timer: TimerState, now: number): boolean => remainingMs(timer, now) === 0

/** "4:05", "0:09", "1:02:00": whole seconds, rounded up, so 0:00 shows only when time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
