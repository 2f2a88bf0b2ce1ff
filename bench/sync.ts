/**
 * Sync benchmark: N participants (real y-websocket clients in this process)
 * edit one board at a steady rate; we measure how long each edit takes to
 * reach every other client, and the server's memory afterwards. It runs
 * against our server (persistence on PGlite, production write interval) and
 * against the reference @y/websocket-server (no persistence), each in a
 * fresh child process per N (bench/server.ts) so the memory is the server's
 * alone. CPU use of the server and of the clients (this process) while
 * editing tells whether a latency is the server's or a saturated machine's.
 * Prints a table, then one JSON line with every figure.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { type TestClient, connectClient, stickyRecord, waitFor, whenSynced } from '../server/testing/clients.ts'
import type { FromServer, ServerKind, Stats, ToServer } from './server.ts'

const serverKinds: ServerKind[] = ['ours', 'reference']
const participantCounts = [1, 10, 50]
const editIntervalMs = 100
/** Edits per participant before measuring (JIT, connection buffers), then measured. */
const warmupEdits = 20
const measuredEdits = 60
/** Editing stops here even if the machine is too slow to keep the rate. */
const maxEditingMs = 3 * (warmupEdits + measuredEdits) * editIntervalMs
const drainTimeoutMs = 10_000
const root = fileURLToPath(new URL('..', import.meta.url))

interface Result {
  edits: number
  /** (edit, receiving client) pairs that arrived, and those that never did. */
  deliveries: number
  lost: number
  p50: number | null
  p99: number | null
  /** Percent of one core, from the first edit until every edit arrived. */
  serverCpu: number
  clientsCpu: number
  rssMB: number
  heapMB: number
}

interface ServerProcess {
  port: number
  boardId: string
  token: string
  stats(): Promise<Stats>
  stop(): Promise<void>
}

/** Starts bench/server.ts in a child process and waits until it listens. */
async function startServer(kind: ServerKind): Promise<ServerProcess> {
  // Child output goes to our stderr: stdout is kept for the results.
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/server.ts', kind], {
    cwd: root,
    stdio: ['ignore', 2, 2, 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = await new Promise<Extract<FromServer, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (message: FromServer) => message.type === 'ready' && resolve(message))
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} before it was ready`)))
  })
  return {
    port: ready.port,
    boardId: ready.boardId,
    token: ready.token,
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

/** Every fifth edit places a new sticky; the four after it drag that sticky, as people do. */
function edit(client: TestClient, participant: number, index: number, measured: boolean): void {
  const sticky = stickyRecord(`p${participant}-${Math.floor(index / 5)}`, `Order placed ${participant}.${index}`)
  client.records.set(sticky.id, {
    ...sticky,
    x: (participant % 10) * 220 + index * 3,
    y: Math.floor(participant / 10) * 140 + index * 2,
    // A valid record carries its timing in meta (any JSON); every client is in this process, so clocks agree.
    meta: { sentAt: performance.now(), measured },
  })
}

/** Calls `step` every editIntervalMs, starting at a random phase so participants do not edit in lockstep. */
function steadily(count: number, deadline: number, step: (index: number) => void): Promise<number> {
  return new Promise((resolve) => {
    let index = 0
    let timer: NodeJS.Timeout | undefined
    const tick = () => {
      if (index === count || performance.now() > deadline) {
        clearInterval(timer)
        return resolve(index)
      }
      step(index++)
    }
    setTimeout(() => (timer = setInterval(tick, editIntervalMs)), Math.random() * editIntervalMs)
  })
}

async function measure(kind: ServerKind, participants: number): Promise<Result> {
  const server = await startServer(kind)
  // The participants, plus one client that only watches (a projected board), so N = 1 has a receiver.
  const clients = Array.from({ length: participants + 1 }, () => connectClient(server.port, server.boardId, { token: server.token }))
  try {
    await Promise.all(clients.map((client) => whenSynced(client)))
    const latencies: number[] = []
    for (const client of clients) {
      client.records.on('change', (changes: Map<string, { newValue?: TLRecord }>, transaction: Y.Transaction) => {
        if (transaction.local) return
        const now = performance.now()
        for (const { newValue } of changes.values()) {
          const meta = newValue?.meta as { sentAt?: number; measured?: boolean } | undefined
          if (meta?.measured) latencies.push(now - meta.sentAt!)
        }
      })
    }

    const serverBefore = await server.stats()
    const clientsBefore = process.cpuUsage()
    const started = performance.now()
    const deadline = started + maxEditingMs
    const made = await Promise.all(
      clients.slice(0, participants).map((client, participant) =>
        steadily(warmupEdits + measuredEdits, deadline, (index) => edit(client, participant, index, index >= warmupEdits)),
      ),
    )
    const edits = made.reduce((sum, count) => sum + Math.max(0, count - warmupEdits), 0)
    // Each measured edit should reach the other participants and the watcher.
    const expected = edits * participants
    await waitFor(() => latencies.length >= expected, drainTimeoutMs, 'deliveries').catch(() => {})

    const { rss, heapUsed, cpuMicros } = await server.stats()
    const { user, system } = process.cpuUsage(clientsBefore)
    const percentOfCore = (micros: number) => Math.round(micros / 10 / (performance.now() - started))
    latencies.sort((a, b) => a - b)
    return {
      edits,
      deliveries: latencies.length,
      lost: expected - latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      serverCpu: percentOfCore(cpuMicros - serverBefore.cpuMicros),
      clientsCpu: percentOfCore(user + system),
      rssMB: megabytes(rss),
      heapMB: megabytes(heapUsed),
    }
  } finally {
    for (const client of clients) client.destroy()
    await server.stop()
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

// Each y-websocket provider in Node adds a process 'exit' listener; 51 of them are expected, not a leak.
process.setMaxListeners(Math.max(...participantCounts) + 10)

// The whole run takes about a minute; past three, something hangs. Children stop when we go.
setTimeout(() => {
  console.error('bench: gave up after 3 minutes')
  process.exit(1)
}, 180_000).unref()

console.log(
  `${participantCounts.join('/')} participants (+1 watching client), an edit every ${editIntervalMs} ms each, ` +
    `${warmupEdits} warm-up + ${measuredEdits} measured edits per participant. Latency: edit to arrival at every other client.`,
)
console.log(row(['server', 'N', 'edits', 'deliveries', 'lost', 'p50 ms', 'p99 ms', 'server CPU%', 'client CPU%', 'rss MB', 'heap MB']))
const results: Record<string, Record<string, Result>> = {}
for (const kind of serverKinds) {
  results[kind] = {}
  for (const participants of participantCounts) {
    const result = await measure(kind, participants)
    results[kind][participants] = result
    const { edits, deliveries, lost, p50, p99, serverCpu, clientsCpu, rssMB, heapMB } = result
    console.log(row([kind, participants, edits, deliveries, lost, p50, p99, serverCpu, clientsCpu, rssMB, heapMB]))
  }
}
const saturated = Object.entries(results).flatMap(([kind, byN]) =>
  Object.entries(byN).flatMap(([n, result]) => (result.clientsCpu >= 90 ? [`${kind} N=${n}`] : [])),
)
if (saturated.length > 0) {
  console.log(`note: the clients used a whole core at ${saturated.join(', ')}; there the latency is this process's, not the server's.`)
}
console.log(JSON.stringify(results))
