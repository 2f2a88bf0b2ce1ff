import { minSecretLength } from './auth/serverSecret.ts'
import { parseOrigin } from './http/origin.ts'

/**
 * Process configuration, read once from the environment. Every setting has a
 * default that runs the app on the embedded database; bad values fail fast
 * with a message naming the variable.
 */
export interface Config {
  port: number
  host: string
  /** Where PGlite keeps its files when DATABASE_URL is not set. */
  dataDir: string
  /** postgres://… to use a PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined
  /** Updates are written to the database at most this long after they arrive. */
  writeIntervalMs: number
  /** An open board with no clients is unloaded from memory after this long. */
  unloadDelayMs: number
  /** The largest websocket message a client may send. */
  maxMessageBytes: number
  /** While a board is edited, a version is kept at least this often. */
  versionIntervalMs: number
  /** Per connection: messages it may send per second, sustained, and in one burst; past either it is closed. */
  maxMessagesPerSecond: number
  messageBurst: number
  /** Per connection: bytes it may send per second, sustained, and in one burst (at least one largest message). */
  maxBytesPerSecond: number
  byteBurst: number
  /** One client's awareness state (cursor, selection, name). */
  maxAwarenessStateBytes: number
  /** Websockets open at once on one board, and from one remote address; more are refused with 429. */
  maxConnectionsPerBoard: number
  maxConnectionsPerAddress: number
  /** A client must finish its HTTP upgrade request, then send its first websocket message, within this each. */
  handshakeTimeoutMs: number
  /** Records (stickies, arrows, pages…) one board may hold; updates past it are refused. */
  maxBoardRecords: number
  /** What an exported event may weigh: example events past it are reported as problems of the export. */
  payloadBudgetBytes: number
  /** Keys the capability links; unset: a secret generated once into DATA_DIR. Instances that share boards share it. */
  secret: string | undefined
  /** redis://… to share live edits and cursors with other instances on the same database; unset: this instance alone. */
  redisUrl: string | undefined
  /** When set, creating or importing a board needs it as a bearer token. */
  createToken: string | undefined
  /** Origins besides the app's own whose pages may change boards and open websockets. */
  allowedOrigins: string[]
}

type Env = Record<string, string | undefined>

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function origins(env: Env, name: string): string[] {
  const entries = (env[name] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  return entries.map((entry) => {
    const origin = parseOrigin(entry)
    if (origin === undefined) {
      throw new Error(`${name} must be comma-separated origins like https://board.example.com, got "${entry}"`)
    }
    return origin
  })
}

const kib = 1024
const mib = 1024 * kib

export function readConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  }
  const secret = env.SECRET || undefined
  if (secret !== undefined && secret.length < minSecretLength) {
    throw new Error(`SECRET must be at least ${minSecretLength} characters (e.g. the output of \`openssl rand -hex 32\`)`)
  }
  const redisUrl = env.REDIS_URL || undefined
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must start with redis:// or rediss://')
  // Each instance would otherwise generate a secret of its own, and links made on one would fail on the others.
  if (redisUrl && secret === undefined) throw new Error('REDIS_URL needs SECRET: every instance must sign links with the same secret')
  const createToken = env.CREATE_TOKEN || undefined
  if (createToken !== undefined && createToken.length < 16) throw new Error('CREATE_TOKEN must be at least 16 characters')
  const maxMessageBytes = integer(env, 'MAX_MESSAGE_BYTES', 8 * mib, kib, 256 * mib)
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl,
    writeIntervalMs: integer(env, 'WRITE_INTERVAL_MS', 200, 1, 60_000),
    unloadDelayMs: integer(env, 'UNLOAD_DELAY_MS', 30_000, 0, 3_600_000),
    maxMessageBytes,
    // A drag sends about 60 updates a second and the cursor 25: 300 leaves room for both and more.
    maxMessagesPerSecond: integer(env, 'MAX_MESSAGES_PER_SECOND', 300, 1, 1_000_000),
    messageBurst: integer(env, 'MESSAGE_BURST', 1000, 1, 10_000_000),
    // A drag with its cursor is 20–50 KB a second. A reconnecting client's sync step 2 can be a whole
    // board, up to MAX_MESSAGE_BYTES, with edits right behind it: the burst holds two of the largest messages.
    maxBytesPerSecond: integer(env, 'MAX_BYTES_PER_SECOND', 4 * mib, kib, 1024 * mib),
    byteBurst: integer(env, 'BYTE_BURST', 2 * maxMessageBytes, maxMessageBytes, 1024 * mib),
    // The browser's own presence stays under 32 KiB (lib/sync/presenceBinding.ts caps what grows).
    maxAwarenessStateBytes: integer(env, 'MAX_AWARENESS_STATE_BYTES', 64 * kib, kib, 16 * mib),
    maxConnectionsPerBoard: integer(env, 'MAX_CONNECTIONS_PER_BOARD', 1000, 1, 1_000_000),
    // A whole workshop behind one NAT, two tabs each, is 200.
    maxConnectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', 256, 1, 1_000_000),
    // Node's own request timeout (300 s) must stay longer than this.
    handshakeTimeoutMs: integer(env, 'HANDSHAKE_TIMEOUT_MS', 10_000, 100, 120_000),
    maxBoardRecords: integer(env, 'MAX_BOARD_RECORDS', 50_000, 100, 1_000_000),
    // EventBridge's limit for years; it took 1 MB from 2026, but other buses and older accounts still stop at 256 KB.
    payloadBudgetBytes: integer(env, 'PAYLOAD_BUDGET_BYTES', 256 * kib, kib, 64 * mib),
    versionIntervalMs: integer(env, 'VERSION_INTERVAL_MS', 10 * 60_000, 1_000, 24 * 3_600_000),
    secret,
    redisUrl,
    createToken,
    allowedOrigins: origins(env, 'ALLOWED_ORIGINS'),
  }
}
