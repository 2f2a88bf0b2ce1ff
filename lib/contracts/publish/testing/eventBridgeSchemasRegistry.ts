import { createHash, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { type ReceivedRequest, type RunningFake, sendJson, startHttpServer } from './httpServer.ts'

/**
 * For tests: Amazon EventBridge Schema Registry's REST API (service model
 * schemas-2019-12-02) as its reference documents it, for the five operations
 * a publish uses: the paths, the SigV4 headers, the request members and the
 * answers. Body members are the model's names: PascalCase, except the tag
 * map, which the model sends as `tags`. Whatever a client sends that the API
 * does not document is answered as AWS would and noted in `violations`; the
 * real service may ignore an unknown member, this one makes it loud.
 */

export interface AwsError {
  status: number
  type: string
  message: string
}

type Tags = Record<string, string>
type Operation = 'DescribeRegistry' | 'CreateRegistry' | 'DescribeSchema' | 'CreateSchema' | 'UpdateSchema'

export interface StoredSchema {
  Content: string
  Type: string
  Description?: string
  tags?: Tags
  version: number
}

export interface Call {
  operation: Operation
  registryName: string
  schemaName?: string
  body: Record<string, unknown>
}

export interface FakeSchemasRegistry extends RunningFake {
  region: string
  accessKeyId: string
  registries: Map<string, { Description?: string; tags?: Tags }>
  /** Keyed by `<RegistryName>/<SchemaName>`. */
  schemas: Map<string, StoredSchema>
  /** Every request that passed the signature check, in order. */
  calls: Call[]
  violations: string[]
  /** From now on, answer every request with this error, or only those about one schema. */
  refuse(error: AwsError, schemaName?: string): void
}

const account = '123456789012'

export async function startFakeSchemasRegistry({ region = 'eu-central-1', accessKeyId = 'AKIAFAKEFORTESTSONLY' } = {}): Promise<FakeSchemasRegistry> {
  const registries: FakeSchemasRegistry['registries'] = new Map()
  const schemas = new Map<string, StoredSchema>()
  const calls: Call[] = []
  const violations: string[] = []
  const refusals: Array<{ error: AwsError; schemaName?: string }> = []

  const answer = (request: ReceivedRequest, response: ServerResponse) => {
    const signature = signatureProblem(request, region, accessKeyId)
    if (signature) {
      if (signature.violation) violations.push(`${request.method} ${request.path}: ${signature.violation}`)
      return sendError(response, signature.error, 'message')
    }
    const route = routeOf(request)
    if (!route) {
      violations.push(`${request.method} ${request.path}: no such operation`)
      return sendError(response, { status: 404, type: 'UnknownOperationException', message: 'Unknown operation' })
    }
    const { body, problems } = bodyOf(request, route.operation)
    if (problems.length > 0) {
      violations.push(...problems.map((problem) => `${route.operation} ${request.path}: ${problem}`))
      return sendError(response, { status: 400, type: 'BadRequestException', message: problems.join('; ') })
    }
    calls.push({ ...route, body })
    const refusal = refusals.findLast((r) => r.schemaName === undefined || r.schemaName === route.schemaName)
    const result = refusal ? { error: refusal.error } : operate(route, body)
    if ('error' in result) return sendError(response, result.error)
    sendJson(response, result.status, result.body, { 'x-amzn-requestid': randomUUID() })
  }

  function operate({ operation, registryName, schemaName = '' }: Route, body: Record<string, unknown>): Answer {
    const registry = registries.get(registryName)
    const registryBody = () => ({ ...registries.get(registryName), RegistryArn: `arn:aws:schemas:${region}:${account}:registry/${registryName}`, RegistryName: registryName })
    if (operation === 'CreateRegistry') {
      if (registry) return refused(409, 'ConflictException', `Registry with name ${registryName} already exists.`)
      registries.set(registryName, body)
      return { status: 201, body: registryBody() }
    }
    if (!registry) return refused(404, 'NotFoundException', `Registry with name ${registryName} does not exist.`)
    if (operation === 'DescribeRegistry') return { status: 200, body: registryBody() }

    const key = `${registryName}/${schemaName}`
    const stored = schemas.get(key)
    // Describe answers the content; Create and Update answer everything else.
    const schemaBody = ({ version, Content, ...members }: StoredSchema, withContent: boolean) => {
      const now = new Date().toISOString()
      const arn = `arn:aws:schemas:${region}:${account}:schema/${registryName}/${schemaName}`
      return { ...(withContent ? { Content } : {}), ...members, LastModified: now, SchemaArn: arn, SchemaName: schemaName, SchemaVersion: String(version), VersionCreatedDate: now }
    }
    if (operation === 'CreateSchema') {
      if (stored) return refused(409, 'ConflictException', `Schema with name ${schemaName} already exists.`)
      const created = { ...(body as Omit<StoredSchema, 'version'>), version: 1 }
      schemas.set(key, created)
      return { status: 201, body: schemaBody(created, false) }
    }
    if (!stored) return refused(404, 'NotFoundException', `Schema with name ${schemaName} does not exist.`)
    if (operation === 'DescribeSchema') return { status: 200, body: schemaBody(stored, true) }
    const { ClientTokenId: _token, ...changes } = body
    const updated = { ...stored, ...changes, version: stored.version + 1 }
    schemas.set(key, updated)
    return { status: 200, body: schemaBody(updated, false) }
  }

  const server = await startHttpServer(answer)
  return {
    ...server,
    region,
    accessKeyId,
    registries,
    schemas,
    calls,
    violations,
    refuse: (error, schemaName) => void refusals.push({ error, schemaName }),
  }
}

type Answer = { status: number; body: Record<string, unknown> } | { error: AwsError }

const refused = (status: number, type: string, message: string): Answer => ({ error: { status, type, message } })

/**
 * Schemas' own errors carry `Code` and `Message` (the model's ErrorOutput);
 * the signature check in front of it answers `{"message"}` alone. The SDK
 * reads the type from `x-amzn-errortype`.
 */
function sendError(response: ServerResponse, error: AwsError, form: 'schemas' | 'message' = 'schemas') {
  const body = form === 'schemas' ? { Code: error.type, Message: error.message } : { message: error.message }
  sendJson(response, error.status, body, { 'x-amzn-errortype': error.type, 'x-amzn-requestid': randomUUID() })
}

const authorizationPattern = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/schemas\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/

/** What AWS's SigV4 check would refuse; a key it does not know is a refusal, not a client's mistake. */
function signatureProblem(request: ReceivedRequest, region: string, accessKeyId: string): { error: AwsError; violation?: string } | undefined {
  const authorization = request.headers.authorization ?? ''
  const date = String(request.headers['x-amz-date'] ?? '')
  const match = authorizationPattern.exec(authorization)
  const incomplete = (violation: string) => ({ violation, error: { status: 403, type: 'IncompleteSignatureException', message: violation } })
  if (!match) return incomplete(`authorization is not a SigV4 header for the schemas service: "${authorization.replace(/Signature=\w+/, 'Signature=…')}"`)
  const [, key, day, scopeRegion, signedHeaders = ''] = match
  if (!/^\d{8}T\d{6}Z$/.test(date)) return incomplete(`x-amz-date "${date}" is not an ISO 8601 basic date-time`)
  if (day !== date.slice(0, 8)) return incomplete(`credential date ${day} is not the day of x-amz-date ${date}`)
  const signed = signedHeaders.split(';')
  const unsigned = ['host', 'x-amz-date'].filter((name) => !signed.includes(name))
  if (unsigned.length > 0) return incomplete(`headers not signed: ${unsigned.join(', ')}`)
  const contentHash = request.headers['x-amz-content-sha256']
  if (contentHash !== undefined && contentHash !== createHash('sha256').update(request.body).digest('hex')) {
    return incomplete('x-amz-content-sha256 is not the SHA-256 of the body')
  }
  if (scopeRegion !== region) {
    const message = `Credential should be scoped to a valid region, not '${scopeRegion}'.`
    return { violation: message, error: { status: 403, type: 'InvalidSignatureException', message } }
  }
  if (key !== accessKeyId) return { error: { status: 403, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' } }
  return undefined
}

interface Route {
  operation: Operation
  registryName: string
  schemaName?: string
}

const operations: Record<string, Operation> = {
  'GET registry': 'DescribeRegistry',
  'POST registry': 'CreateRegistry',
  'GET schema': 'DescribeSchema',
  'POST schema': 'CreateSchema',
  'PUT schema': 'UpdateSchema',
}

/** `/v1/registries/name/{RegistryName}` and `…/schemas/name/{SchemaName}`, each name one percent-encoded segment. */
function routeOf({ method, path }: ReceivedRequest): Route | undefined {
  const segments = path.split('/').map(decodeURIComponent)
  const [empty, v1, registries, name, registryName, schemasSegment, schemaName, ...rest] = segments
  if (empty !== '' || v1 !== 'v1' || registries !== 'registries' || name !== 'name' || !registryName) return undefined
  if (schemasSegment === undefined) {
    const operation = operations[`${method} registry`]
    return operation && { operation, registryName }
  }
  if (schemasSegment !== 'schemas' || schemaName !== 'name' || !rest[0] || rest.length > 1) return undefined
  const operation = operations[`${method} schema`]
  return operation && { operation, registryName, schemaName: rest[0] }
}

interface Member {
  required?: boolean
  valid(value: unknown): boolean
  expected: string
}

const text = (min: number, max: number, required = false): Member => ({
  required,
  valid: (value) => typeof value === 'string' && value.length >= min && value.length <= max,
  expected: `a string of ${min} to ${max} characters`,
})
const schemaType = (required = false): Member => ({ required, valid: (value) => value === 'OpenApi3' || value === 'JSONSchemaDraft4', expected: 'OpenApi3 or JSONSchemaDraft4' })
const tagMap: Member = {
  valid: (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'),
  expected: 'a map of strings to strings',
}

/** The JSON body members of each operation, as the API reference lists them; Describe* take none. */
const bodies: Record<Operation, Record<string, Member> | undefined> = {
  DescribeRegistry: undefined,
  DescribeSchema: undefined,
  CreateRegistry: { Description: text(0, 256), tags: tagMap },
  CreateSchema: { Content: text(1, 100_000, true), Description: text(0, 256), Type: schemaType(true), tags: tagMap },
  UpdateSchema: { ClientTokenId: text(0, 36), Content: text(1, 100_000), Description: text(0, 256), Type: schemaType() },
}

function bodyOf(request: ReceivedRequest, operation: Operation): { body: Record<string, unknown>; problems: string[] } {
  const members = bodies[operation]
  if (!members) return { body: {}, problems: request.body ? ['takes no body'] : [] }
  if (request.headers['content-type'] !== 'application/json') return { body: {}, problems: [`content-type is "${request.headers['content-type']}", not application/json`] }
  let body: unknown
  try {
    body = JSON.parse(request.body)
  } catch {
    return { body: {}, problems: ['the body is not JSON'] }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { body: {}, problems: ['the body is not a JSON object'] }
  const record = body as Record<string, unknown>
  const problems = [
    ...Object.keys(record)
      .filter((name) => !Object.hasOwn(members, name))
      .map((name) => `"${name}" is not a member (${Object.keys(members).join(', ')})`),
    ...Object.entries(members).flatMap(([name, member]) => {
      if (!(name in record)) return member.required ? [`"${name}" is required`] : []
      return member.valid(record[name]) ? [] : [`"${name}" must be ${member.expected}`]
    }),
  ]
  return { body: record, problems }
}
