import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createBoard } from '../../lib/db/boards.ts'
import { openDatabase } from '../../lib/db/client.ts'
import { migrate } from '../../lib/db/migrate.ts'
import type { TestDatabase } from '../../lib/db/testing.ts'

/** A server (server/testing/realtimeProcess.ts) in a child process, to kill and restart. */
export interface ServerProcess {
  child: ChildProcess
  port: number
  /** Everything the process wrote to stdout and stderr so far. */
  stdout(): string
  stderr(): string
  exited: Promise<void>
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const startTimeoutMs = 60_000

/** Starts server/testing/realtimeProcess.ts and resolves once it prints `listening <port>`. */
export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/testing/realtimeProcess.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the server did not start within ${startTimeoutMs} ms; stderr:\n${stderr}`))
    }, startTimeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the server exited before listening (code ${code}, signal ${signal}); stderr:\n${stderr}`))
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout += `${line}\n`
      const match = /^listening (\d+)$/.exec(line)
      if (!match) return
      clearTimeout(timer)
      resolve({ child, port: Number(match[1]), stdout: () => stdout, stderr: () => stderr, exited })
    })
  })
}

/** SIGKILL: the process gets no chance to flush or close anything. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
  await server.exited
}

/** SIGTERM: the process saves its open boards and exits. */
export async function stopGently(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM')
  await server.exited
}

/** Lines of stderr that are not harmless runtime notices. */
export function unexpectedErrors(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !/ExperimentalWarning|--trace-warnings/.test(line))
}

/** Creates a board before any server runs: a running server owns an embedded database (PGlite allows one process). */
export async function createBoardBeforeServers(database: TestDatabase, name: string): Promise<string> {
  const opened = await openDatabase(database.target)
  try {
    await migrate(opened)
    return (await createBoard(opened, name)).id
  } finally {
    await opened.close()
  }
}
