import type { Logger } from '../../../logger.ts'

/** For tests: a Logger that keeps every line, so a test can read what was logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const keep = (message: string, error?: unknown) => void lines.push(error === undefined ? message : `${message} ${String(error)}`)
  return { lines, info: keep, warn: keep, error: keep }
}
