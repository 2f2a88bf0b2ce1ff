import { consoleLogger, type Logger } from '../../logger.ts'
import { type PublishFailure, type PublishReport, PublishStopped, publishInTurn } from './publishReport.ts'

/**
 * Registers JSON Schemas in a Confluent Schema Registry (or one that speaks
 * its API), one `POST /subjects/{subject}/versions` per subject. There is no
 * separate compatibility check first: registering runs the same check and
 * answers 409 with the registry's reasons, and a check of its own would cost
 * a request per subject (and a 40401 for every new one).
 */

/** One subject and the body `POST /subjects/{subject}/versions` takes. */
export interface ConfluentSubmission {
  subject: string
  body: { schemaType: 'JSON'; schema: string }
}

/** Basic auth with a user and password, or with a Confluent Cloud API key and its secret; neither for an open registry. */
export interface ConfluentTarget {
  url: string
  username?: string
  password?: string
  apiKey?: string
  apiSecret?: string
}

export type ConfluentResult = { subject: string } & ({ outcome: 'registered'; id: number } | { outcome: 'failed'; failure: PublishFailure })

const mediaType = 'application/vnd.schemaregistry.v1+json'
const registryTimeoutMs = 30_000

/** The target CONFLUENT_URL and its credentials name, or undefined when CONFLUENT_URL is not set. */
export function confluentTargetFromEnv(env: Record<string, string | undefined> = process.env): ConfluentTarget | undefined {
  if (!env.CONFLUENT_URL) return undefined
  const set = (name: string) => env[name] || undefined
  return {
    url: env.CONFLUENT_URL,
    username: set('CONFLUENT_USERNAME'),
    password: set('CONFLUENT_PASSWORD'),
    apiKey: set('CONFLUENT_API_KEY'),
    apiSecret: set('CONFLUENT_API_SECRET'),
  }
}

export async function publishToConfluent(
  submissions: readonly ConfluentSubmission[],
  target: ConfluentTarget,
  fetchImpl: typeof fetch = fetch,
  log: Logger = consoleLogger,
): Promise<PublishReport<ConfluentResult>> {
  const base = registryBase(target.url)
  const headers = headersFor(target)
  const report =
    typeof base === 'string'
      ? await publishInTurn(submissions, async (submission) => logged(log, await register(submission, base, headers, fetchImpl)))
      : { results: [], stopped: base }
  if (report.stopped) log.error(`Schema registry: publish stopped: ${report.stopped.message}`)
  return report
}

/** Credentials belong in their own settings: a URL holding them would end up in error messages and logs. */
function registryBase(url: string): string | PublishFailure {
  const parsed = URL.canParse(url) ? new URL(url) : undefined
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return { code: 'InvalidUrl', message: 'the schema registry URL must be an http:// or https:// URL' }
  if (parsed.username || parsed.password) {
    return { code: 'InvalidUrl', message: 'the schema registry URL must not hold credentials: set CONFLUENT_USERNAME and CONFLUENT_PASSWORD (or CONFLUENT_API_KEY and CONFLUENT_API_SECRET)' }
  }
  return url.replace(/\/+$/, '')
}

function headersFor({ username, password, apiKey, apiSecret }: ConfluentTarget): Record<string, string> {
  const user = username !== undefined ? [username, password] : apiKey !== undefined ? [apiKey, apiSecret] : undefined
  const authorization = user && { authorization: `Basic ${Buffer.from(`${user[0]}:${user[1] ?? ''}`).toString('base64')}` }
  return { 'content-type': mediaType, accept: `${mediaType}, application/json`, ...authorization }
}

async function register({ subject, body }: ConfluentSubmission, base: string, headers: Record<string, string>, fetchImpl: typeof fetch): Promise<ConfluentResult> {
  let response: Response
  try {
    // A registry that never answers must not hold the facilitator's request open for ever.
    response = await fetchImpl(`${base}/subjects/${encodeURIComponent(subject)}/versions`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(registryTimeoutMs) })
  } catch (error) {
    const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined
    throw new PublishStopped({ code: cause?.code ?? 'FetchFailed', message: `the schema registry could not be called: ${cause?.message ?? String(error)}` })
  }
  const answer = await answerOf(response)
  if (response.ok && typeof answer.id === 'number') return { subject, outcome: 'registered', id: answer.id }
  const failure = {
    code: String(answer.error_code ?? response.status),
    message: typeof answer.message === 'string' ? answer.message : `HTTP ${response.status} ${response.statusText}`.trim(),
  }
  if (response.status === 401 || response.status === 403) {
    throw new PublishStopped({
      code: failure.code,
      message: `the schema registry refused the credentials (${failure.code}: ${failure.message}). Check CONFLUENT_USERNAME and CONFLUENT_PASSWORD, or CONFLUENT_API_KEY and CONFLUENT_API_SECRET.`,
    })
  }
  return { subject, outcome: 'failed', failure }
}

/** The registry answers JSON (`{"id"}`, or `{"error_code", "message"}`); a proxy in front of it may not. */
async function answerOf(response: Response): Promise<Record<string, unknown>> {
  try {
    const answer: unknown = await response.json()
    return typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function logged(log: Logger, result: ConfluentResult): ConfluentResult {
  if (result.outcome === 'failed') log.warn(`Schema registry: subject ${result.subject} failed: ${result.failure.code}: ${result.failure.message}`)
  else log.info(`Schema registry: subject ${result.subject} registered (id ${result.id})`)
  return result
}
