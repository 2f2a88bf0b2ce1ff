import {
  CreateRegistryCommand,
  CreateSchemaCommand,
  DescribeRegistryCommand,
  DescribeSchemaCommand,
  NotFoundException,
  SchemasClient,
  type SchemasClientConfig,
  UpdateSchemaCommand,
} from '@aws-sdk/client-schemas'
import { consoleLogger, type Logger } from '../../logger.ts'
import type { CreateRegistryInput, CreateSchemaInput, EventBridgeManifest } from '../formats/eventBridge.ts'
import { type PublishFailure, type PublishReport, PublishStopped, publishInTurn } from './publishReport.ts'

/**
 * Loads an EventBridge manifest into Amazon EventBridge Schema Registry:
 * registries first, then schemas. Whatever is already there as the manifest
 * has it is left alone, so publishing twice changes nothing the second time.
 */

/** Anything left unset comes from the SDK's default chain (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_PROFILE, SSO, instance roles…). */
export interface EventBridgeTarget {
  region?: string
  /** Another endpoint than AWS's, e.g. a LocalStack-like server; defaults to EVENTBRIDGE_SCHEMAS_ENDPOINT. */
  endpoint?: string
  credentials?: SchemasClientConfig['credentials']
}

export type EventBridgeResult = { registryName: string; schemaName?: string } & (
  | { outcome: 'created' | 'updated' | 'unchanged'; schemaVersion?: string }
  | { outcome: 'failed'; failure: PublishFailure }
)

export async function publishToEventBridge(
  manifest: EventBridgeManifest,
  target: EventBridgeTarget = {},
  log: Logger = consoleLogger,
): Promise<PublishReport<EventBridgeResult>> {
  const client = new SchemasClient({
    region: target.region,
    credentials: target.credentials,
    endpoint: target.endpoint ?? (process.env.EVENTBRIDGE_SCHEMAS_ENDPOINT || undefined),
    // A registry that never answers must not hold the facilitator's request open for ever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  })
  const steps = [
    ...manifest.registries.map((registry) => () => publishRegistry(client, registry)),
    ...manifest.schemas.map((schema) => () => publishSchema(client, schema)),
  ]
  try {
    const report = await publishInTurn(steps, async (step) => logged(log, await step()))
    if (report.stopped) log.error(`EventBridge Schemas: publish stopped: ${report.stopped.message}`)
    return report
  } finally {
    client.destroy()
  }
}

async function publishRegistry(client: SchemasClient, registry: CreateRegistryInput): Promise<EventBridgeResult> {
  const { RegistryName } = registry
  try {
    if (await found(client.send(new DescribeRegistryCommand({ RegistryName })))) return { registryName: RegistryName, outcome: 'unchanged' }
    await client.send(new CreateRegistryCommand(registry))
    return { registryName: RegistryName, outcome: 'created' }
  } catch (error) {
    return { registryName: RegistryName, outcome: 'failed', failure: refusal(error) }
  }
}

async function publishSchema(client: SchemasClient, schema: CreateSchemaInput): Promise<EventBridgeResult> {
  const { RegistryName, SchemaName, Type, Content, Description } = schema
  const names = { registryName: RegistryName, schemaName: SchemaName }
  try {
    const stored = await found(client.send(new DescribeSchemaCommand({ RegistryName, SchemaName })))
    if (!stored) {
      const created = await client.send(new CreateSchemaCommand(schema))
      return { ...names, outcome: 'created', schemaVersion: created.SchemaVersion }
    }
    if (sameContent(stored.Content, Content)) return { ...names, outcome: 'unchanged', schemaVersion: stored.SchemaVersion }
    // Tags stay as they were: UpdateSchema takes none (TagResource would).
    const updated = await client.send(new UpdateSchemaCommand({ RegistryName, SchemaName, Type, Content, Description }))
    return { ...names, outcome: 'updated', schemaVersion: updated.SchemaVersion }
  } catch (error) {
    return { ...names, outcome: 'failed', failure: refusal(error) }
  }
}

/** A Describe call's answer, or undefined when the registry answers NotFoundException. */
async function found<T>(describe: Promise<T>): Promise<T | undefined> {
  try {
    return await describe
  } catch (error) {
    if (error instanceof NotFoundException) return undefined
    throw error
  }
}

/** Compared as JSON, so a registry that hands the document back re-indented does not get a new version on every publish. */
function sameContent(stored: string | undefined, content: string): boolean {
  if (stored === content) return true
  try {
    return JSON.stringify(JSON.parse(stored ?? '')) === JSON.stringify(JSON.parse(content))
  } catch {
    return false
  }
}

/**
 * The registry's own code and message for one refused item. Credentials
 * refused (401, 403) or no answer at all (unreachable, no region, no
 * credentials found) would fail every item alike, so those stop the run.
 */
function refusal(error: unknown): PublishFailure {
  if (!(error instanceof Error)) throw error
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  if (status === undefined) {
    const code = (error as NodeJS.ErrnoException).code ?? error.name
    throw new PublishStopped({ code, message: `EventBridge Schemas could not be called: ${error.message}` })
  }
  if (status === 401 || status === 403) {
    throw new PublishStopped({
      code: error.name,
      message:
        `EventBridge Schemas refused the credentials (${error.name}: ${error.message}). Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ` +
        '(or AWS_PROFILE), and that they may call schemas:DescribeRegistry, CreateRegistry, DescribeSchema, CreateSchema and UpdateSchema.',
    })
  }
  return { code: error.name, message: error.message }
}

function logged(log: Logger, result: EventBridgeResult): EventBridgeResult {
  const item = result.schemaName ? `schema ${result.schemaName} in registry ${result.registryName}` : `registry ${result.registryName}`
  if (result.outcome === 'failed') log.warn(`EventBridge Schemas: ${item} failed: ${result.failure.code}: ${result.failure.message}`)
  else log.info(`EventBridge Schemas: ${item} ${result.outcome}${result.schemaVersion ? ` (version ${result.schemaVersion})` : ''}`)
  return result
}
