/**
 * Keeps the server up when whatever read its output is gone (a closed
 * terminal, a restarted log collector). A write to the closed pipe fails with
 * EPIPE; unhandled, that reaches Next.js's uncaughtException handler, whose
 * log line fails the same way: a loop that took a whole core. Until someone
 * reads again, log lines are lost; serving goes on.
 */
export function surviveClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
}
