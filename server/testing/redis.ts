import { type ChildProcess, spawn } from 'node:child_process'
import { Redis } from 'ioredis'

/** The Redis the tests share: REDIS_URL, else the machine's. Tests keep apart by board (one channel per board). */
export const testRedisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

export type RedisRequirement = { url: string } | { url: undefined; reason: string }

/**
 * Whether the tests that need Redis can run. Outside CI, no Redis skips them
 * with the reason (pass it to `context.skip`); in CI (`CI` set) it fails the
 * run, as a missing PostgreSQL does (lib/db/testPostgres.ts).
 */
export async function requireRedis(): Promise<RedisRequirement> {
  if (await redisAnswers(testRedisUrl)) return { url: testRedisUrl }
  const reason = `Redis does not answer at ${testRedisUrl} (start redis-server, or set REDIS_URL)`
  if (process.env.CI) throw new Error(`${reason}; CI needs it`)
  return { url: undefined, reason }
}

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, retryStrategy: () => null, maxRetriesPerRequest: 0 })
  probe.on('error', () => undefined)
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    probe.disconnect()
  }
}

/** A Redis of the test's own, on a given port, to stop and start again without touching the machine's. */
export interface OwnRedis {
  url: string
  stop(): Promise<void>
  start(): Promise<void>
}

export function ownRedis(port: number): OwnRedis {
  let child: ChildProcess | undefined
  const url = `redis://127.0.0.1:${port}`
  return {
    url,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
      const deadline = Date.now() + 10_000
      while (!(await redisAnswers(url))) {
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async stop() {
      const running = child
      child = undefined
      if (!running || running.exitCode !== null || running.signalCode !== null) return
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill('SIGKILL')
      await exited
    },
  }
}
