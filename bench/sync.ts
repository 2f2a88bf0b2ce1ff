/**
 * Sync benchmark: N participants on one board, a few of them writers editing
 * at a steady rate; we measure how long each edit takes to reach every other
 * participant (and one watching client, so N = 1 has a receiver), deliveries
 * lost, the server's CPU and memory, and the client side's CPU. The clients
 * run in worker threads (bench/syncParticipants.ts): writers are real
 * y-websocket providers, the rest light receivers without a Y.Doc, so the
 * clients stay far from saturating a core and the latency is the server's.
 *
 * Each N runs against a fresh server in a child process (bench/server.ts):
 * ours on PGlite, ours on PostgreSQL, ours as two instances sharing
 * PostgreSQL and Redis (participants alternate between them), and the
 * reference @y/websocket-server without persistence. Ours runs with its
 * production configuration except MAX_CONNECTIONS_PER_ADDRESS: every
 * participant comes from 127.0.0.1, as a whole company behind one NAT would,
 * and a deployment that serves one raises it the same way.
 * Prints a table, then one JSON line with every figure.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createTestDatabase, type TestDatabase } from '../lib/db/testing.ts'
import { createBoardBeforeServers } from '../server/testing/serverProcesses.ts'
import { testRedisUrl } from '../server/testing/redis.ts'
import { testSecret, testToken } from '../server/testing/servers.ts'
import type { FromServer, ServerKind, Stats, ToServer } from './server.ts'
import type { FromParticipants, Participant, ParticipantsSetup, ToParticipants } from './syncParticipants.ts'

type Run = 'pglite' | 'postgres' | 'redis ×2' | 'reference'
const allRuns: Run[] = ['pglite', 'postgres', 'redis ×2', 'reference']
// Arguments pick some runs and participant counts, e.g. `npm run bench:sync -- reference pglite 500`; none: all.
const runArgs = allRuns.filter((run) => process.argv.slice(2).includes(run.split(' ')[0]!))
const countArgs = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0)
const runs = runArgs.length > 0 ? runArgs : allRuns
const participantCounts = countArgs.length > 0 ? countArgs : [1, 10, 50, 200, 500]
const maxWriters = 5
const editIntervalMs = 100
const warmupEdits = 10
const measuredEdits = 50
/** Clients per worker thread, and at most this many workers (the machine has two cores). */
const participantsPerWorker = 100
const maxWorkers = 3
const drainTimeoutMs = 5_000
/** A worker busier than this fraction of the time delays what it timestamps. */
const saturatedUtilization = 0.9
const root = fileURLToPath(new URL('..', import.meta.url))
const clockBase = process.hrtime.bigint()

interface Result {
  writers: number
  edits: number
  /** (measured edit, receiving client) pairs that arrived, and those that never did. */
  deliveries: number
  lost: number
  p50: number | null
  p99: number | null
  /** Percent of one core, from the first edit until every edit arrived; two instances add up. */
  serverCpu: number
  clientsCpu: number
  /** The busiest worker's event-loop utilization, 0–1. */
  busiestWorker: number
  clientsSaturated: boolean
  rssMB: number
  heapMB: number
  errors: string[]
}

interface ServerProcess {
  port: number
  stats(): Promise<Stats>
  stop(): Promise<void>
}

/** Starts bench/server.ts in a child process and waits until it listens. */
async function startServer(kind: ServerKind, env: Record<string, string> = {}): Promise<ServerProcess> {
  // Child output goes to our stderr: stdout is kept for the results.
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/server.ts', kind], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 2, 2, 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = await new Promise<Extract<FromServer, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (message: FromServer) => message.type === 'ready' && resolve(message))
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} before it was ready`)))
  })
  return {
    port: ready.port,
    stats: () => request(child, { type: 'stats' }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.send({ type: 'stop' } satisfies ToServer)
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}

function request(child: ChildProcess, message: ToServer): Promise<Stats> {
  return new Promise((resolve) => {
    const onMessage = (reply: FromServer) => {
      if (reply.type !== 'stats') return
      child.off('message', onMessage)
      resolve(reply)
    }
    child.on('message', onMessage)
    child.send(message)
  })
}

interface Setup {
  servers: ServerProcess[]
  boardId: string
  token: string
  close(): Promise<void>
}

/** The servers of one run over a fresh database with one board; ours in its production configuration but for the connections per address. */
async function startRun(run: Run): Promise<Setup> {
  if (run === 'reference') {
    const server = await startServer('reference')
    return { servers: [server], boardId: 'bench-board', token: '', close: () => server.stop() }
  }
  const database: TestDatabase = await createTestDatabase(run === 'pglite' ? 'pglite' : 'postgres')
  try {
    const boardId = await createBoardBeforeServers(database, 'Bench board')
    const env = { ...database.env, SECRET: testSecret, MAX_CONNECTIONS_PER_ADDRESS: '1024', ...(run === 'redis ×2' ? { REDIS_URL: testRedisUrl } : {}) }
    const servers = await Promise.all(Array.from({ length: run === 'redis ×2' ? 2 : 1 }, () => startServer('ours', env)))
    return {
      servers,
      boardId,
      token: testToken(boardId),
      close: async () => {
        await Promise.all(servers.map((server) => server.stop()))
        await database.drop()
      },
    }
  } catch (error) {
    await database.drop()
    throw error
  }
}

/** A worker thread running bench/syncParticipants.ts under tsx. */
class ParticipantsWorker {
  private readonly worker: Worker
  private readonly replies: FromParticipants[] = []
  private readonly waiting: ((message: FromParticipants) => void)[] = []
  readonly failed: Promise<never>

  constructor(setup: ParticipantsSetup) {
    const entry = new URL('./syncParticipants.ts', import.meta.url).href
    // Node 20 resolves a worker's entry before --import hooks apply: register tsx first, then import it.
    this.worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`, {
      eval: true,
      workerData: setup,
    })
    this.worker.on('message', (message: FromParticipants) => {
      const resolve = this.waiting.shift()
      if (resolve) resolve(message)
      else this.replies.push(message)
    })
    this.failed = new Promise((_, reject) => this.worker.once('error', reject))
    this.failed.catch(() => {})
  }

  next<T extends FromParticipants['type']>(type: T): Promise<Extract<FromParticipants, { type: T }>> {
    const reply = new Promise<FromParticipants>((resolve) => {
      const queued = this.replies.shift()
      if (queued) resolve(queued)
      else this.waiting.push(resolve)
    }).then((message) => {
      if (message.type !== type) throw new Error(`expected ${type} from a participants worker, got ${message.type}`)
      return message as Extract<FromParticipants, { type: T }>
    })
    return Promise.race([reply, this.failed])
  }

  ask<T extends FromParticipants['type']>(message: ToParticipants, reply: T): Promise<Extract<FromParticipants, { type: T }>> {
    const answer = this.next(reply)
    this.worker.postMessage(message)
    return answer
  }

  terminate(): Promise<number> {
    return this.worker.terminate()
  }
}

/** Writers first, so they spread over the workers and the instances; the last client is the watcher. */
function participantsOf(count: number, ports: number[]): Participant[] {
  const writers = Math.min(count, maxWriters)
  return Array.from({ length: count + 1 }, (_, index) => ({ index, role: index < writers ? 'writer' : 'receiver', port: ports[index % ports.length]! }))
}

async function measure(run: Run, participants: number): Promise<Result> {
  const setup = await startRun(run)
  const everyone = participantsOf(participants, setup.servers.map((server) => server.port))
  const workerCount = Math.min(maxWorkers, Math.ceil(everyone.length / participantsPerWorker))
  const workers = Array.from(
    { length: workerCount },
    (_, w) =>
      new ParticipantsWorker({
        boardId: setup.boardId,
        token: setup.token,
        participants: everyone.filter((_, i) => i % workerCount === w),
        clockBase: String(clockBase),
        editIntervalMs,
        warmupEdits,
        measuredEdits,
      }),
  )
  try {
    await Promise.all(workers.map((worker) => worker.next('connected')))
    const serversBefore = await Promise.all(setup.servers.map((server) => server.stats()))
    const clientsBefore = process.cpuUsage()
    const started = performance.now()
    const edited = await Promise.all(workers.map((worker) => worker.ask({ type: 'edit' }, 'edited')))
    const edits = edited.reduce((sum, { measuredEdits }) => sum + measuredEdits, 0)
    // Each measured edit should reach every client but its writer: the other participants and the watcher.
    const expected = edits * participants
    const drainDeadline = performance.now() + drainTimeoutMs
    while (performance.now() < drainDeadline) {
      const counts = await Promise.all(workers.map((worker) => worker.ask({ type: 'count' }, 'count')))
      if (counts.reduce((sum, { deliveries }) => sum + deliveries, 0) >= expected) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const elapsed = performance.now() - started
    const serversAfter = await Promise.all(setup.servers.map((server) => server.stats()))
    const { user, system } = process.cpuUsage(clientsBefore)
    const reports = await Promise.all(workers.map((worker) => worker.ask({ type: 'report' }, 'report')))
    const latencies = reports.flatMap((report) => [...report.latencies]).sort((a, b) => a - b)
    const percentOfCore = (micros: number) => Math.round(micros / 10 / elapsed)
    const busiestWorker = Math.max(...reports.map((report) => report.eventLoopUtilization))
    return {
      writers: Math.min(participants, maxWriters),
      edits,
      deliveries: latencies.length,
      lost: Math.max(0, expected - latencies.length),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      serverCpu: percentOfCore(serversAfter.reduce((sum, after, i) => sum + after.cpuMicros - serversBefore[i]!.cpuMicros, 0)),
      clientsCpu: percentOfCore(user + system),
      busiestWorker: Math.round(busiestWorker * 100) / 100,
      clientsSaturated: busiestWorker >= saturatedUtilization,
      rssMB: megabytes(serversAfter.reduce((sum, stats) => sum + stats.rss, 0)),
      heapMB: megabytes(serversAfter.reduce((sum, stats) => sum + stats.heapUsed, 0)),
      errors: [...new Set(reports.flatMap((report) => report.socketErrors))].slice(0, 5),
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
    await setup.close()
  }
}

/** Nearest-rank percentile of sorted values, in ms to 0.01. */
function percentile(sorted: number[], p: number): number | null {
  const value = sorted[Math.ceil((p / 100) * sorted.length) - 1]
  return value === undefined ? null : Math.round(value * 100) / 100
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10
}

function row(cells: (string | number | null)[]): string {
  return cells.map((cell, i) => String(cell ?? '-')[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 10 : 12)).join('')
}

// The whole run takes about five minutes; past ten, something hangs. Children stop when we go.
setTimeout(() => {
  console.error('bench: gave up after 10 minutes')
  process.exit(1)
}, 600_000).unref()

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ')
console.log(
  `${participantCounts.join('/')} participants (+1 watching client) on one board; up to ${maxWriters} of them edit every ${editIntervalMs} ms ` +
    `(${warmupEdits} warm-up + ${measuredEdits} measured edits each, the cursor moving along), the others only receive. ` +
    `Latency: edit to arrival at every other client. Load average before: ${load()}.`,
)
console.log(row(['server', 'N', 'edits', 'deliveries', 'lost', 'p50 ms', 'p99 ms', 'server CPU%', 'client CPU%', 'busiest wkr', 'rss MB', 'heap MB']))
const results: Record<string, Record<string, Result>> = Object.fromEntries(runs.map((run) => [run, {}]))
// By N, then run: on a shared machine the load drifts, and the runs compared at one N should see the same.
for (const participants of participantCounts) {
  for (const run of runs) {
    const result = await measure(run, participants)
    results[run]![participants] = result
    const { edits, deliveries, lost, p50, p99, serverCpu, clientsCpu, busiestWorker, rssMB, heapMB, errors } = result
    console.log(row([run, participants, edits, deliveries, lost, p50, p99, serverCpu, clientsCpu, busiestWorker, rssMB, heapMB]))
    if (errors.length > 0) console.log(`  socket errors: ${errors.join('; ')}`)
  }
}
const saturated = Object.entries(results).flatMap(([run, byN]) => Object.entries(byN).flatMap(([n, result]) => (result.clientsSaturated ? [`${run} N=${n}`] : [])))
if (saturated.length > 0) {
  console.log(`note: a client worker was busy ≥${saturatedUtilization * 100}% of the time at ${saturated.join(', ')}; there the latency is partly the clients'.`)
}
console.log(`Load average after: ${load()} (2 cores; other work on the machine shows here).`)
console.log(JSON.stringify({ loadAverage: loadavg(), results }))
