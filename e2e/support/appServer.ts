import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../lib/freePort'

/** A board as its creation answers it: the only time the facilitator link is shown. */
export interface CreatedBoard {
  id: string
  name: string
  url: string
  links: Record<'facilitator' | 'participant' | 'viewer', string>
}

/** The key the e2e app requires to create boards (CREATE_TOKEN), unless started open. */
export const createKey = 'e2e-create-key-0123456789'

/**
 * The real app (`npm run serve`: Next.js production build plus the realtime
 * server) on a fresh embedded database, which a test can stop and start again.
 */
export class AppServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'eventstorm-e2e-'))
  private process: ChildProcess | undefined
  private output = ''

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** `open`: anyone may create boards, as on a LAN server without CREATE_TOKEN. */
  static async start({ open = false } = {}): Promise<AppServer> {
    const server = new AppServer(await freePort(), open ? {} : { CREATE_TOKEN: createKey })
    await server.start()
    return server
  }

  get origin(): string {
    return `http://localhost:${this.port}`
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        DATABASE_URL: '',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.process = child
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`the app did not start:\n${this.output}`)), 180_000)
      const read = (chunk: Buffer) => {
        this.output += chunk.toString()
        if (process.env.E2E_DEBUG) process.stderr.write(chunk)
        if (this.output.includes(`http://localhost:${this.port}`)) {
          clearTimeout(timeout)
          resolve()
        }
      }
      child.stdout!.on('data', read)
      child.stderr!.on('data', read)
      child.once('exit', (code) => {
        clearTimeout(timeout)
        reject(new Error(`the app exited with ${code}:\n${this.output}`))
      })
    })
  }

  /** Ctrl-C: the server saves the open boards and exits. */
  async stop(): Promise<void> {
    const child = this.process
    this.process = undefined
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    await exited
  }

  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  /** Everything the app printed so far, to check what it logs. */
  get log(): string {
    return this.output
  }

  /** A new board, blank or from a template (a built-in's id or a saved one's). */
  async createBoard(name: string, templateId?: string): Promise<CreatedBoard> {
    return this.created(await fetch(`${this.origin}/api/boards`, { method: 'POST', headers: this.creating('application/json'), body: JSON.stringify({ name, templateId }) }))
  }

  async importBoard(file: unknown): Promise<CreatedBoard> {
    const body = typeof file === 'string' ? file : JSON.stringify(file)
    return this.created(await fetch(`${this.origin}/api/boards/import`, { method: 'POST', headers: this.creating('application/json'), body }))
  }

  /** Headers of a request that creates a board on this app. */
  creating(contentType: string): Record<string, string> {
    return { 'content-type': contentType, ...(this.env.CREATE_TOKEN && { authorization: `Bearer ${this.env.CREATE_TOKEN}` }) }
  }

  private async created(response: Response): Promise<CreatedBoard> {
    if (response.status !== 201) throw new Error(`creating a board answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as CreatedBoard
  }
}
