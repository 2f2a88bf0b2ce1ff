import type { ServerResponse } from 'node:http'
import { type ReceivedRequest, type RunningFake, startHttpServer } from './httpServer.ts'

/**
 * For tests: `POST /subjects/{subject}/versions` of Confluent Schema
 * Registry's REST API as its reference documents it: the registry's media
 * type, a body of `schemaType` and `schema` (the schema as a string), Basic
 * auth, and answers of `{"id"}` or `{"error_code", "message"}`. A schema
 * already registered answers its id again; the same schema under any subject
 * has one id. What a client sends that the API does not document is noted in
 * `violations`.
 */

export interface ConfluentAnswer {
  status: number
  /** JSON, or text such as a proxy's error page. */
  body: unknown
}

export interface FakeConfluentRegistry extends RunningFake {
  /** Registered schemas by subject, oldest version first. */
  subjects: Map<string, string[]>
  /** Subjects whose compatibility check refuses any schema other than their latest. */
  incompatible: Set<string>
  violations: string[]
  /** From now on, answer every request with this. */
  refuse(answer: ConfluentAnswer): void
}

const mediaType = 'application/vnd.schemaregistry.v1+json'
const members = ['schema', 'schemaType', 'references']

export async function startFakeConfluentRegistry(credentials?: { username: string; password: string }): Promise<FakeConfluentRegistry> {
  const subjects = new Map<string, string[]>()
  const ids = new Map<string, number>()
  const incompatible = new Set<string>()
  const violations: string[] = []
  let refusal: ConfluentAnswer | undefined

  const answer = (request: ReceivedRequest): ConfluentAnswer => {
    const expected = credentials && `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
    if (expected && request.headers.authorization !== expected) return error(401, 401, 'Unauthorized')
    if (refusal) return refusal
    const [empty, subjectsSegment, subject, versions, ...rest] = request.path.split('/')
    if (request.method !== 'POST' || empty !== '' || subjectsSegment !== 'subjects' || !subject || versions !== 'versions' || rest.length > 0) {
      return violation(`${request.method} ${request.path} is not POST /subjects/{subject}/versions`, error(404, 404, 'HTTP 404 Not Found'))
    }
    if (request.headers['content-type'] !== mediaType) {
      return violation(`content-type is "${request.headers['content-type']}", not ${mediaType}`, error(415, 415, 'HTTP 415 Unsupported Media Type'))
    }
    const problem = bodyProblem(request.body)
    if (problem) return violation(problem, error(422, 422, problem))
    const { schema } = JSON.parse(request.body) as { schema: string }
    if (!isJsonSchema(schema)) return error(422, 42201, `Invalid schema ${schema}, details: not a JSON Schema document`)
    return register(decodeURIComponent(subject), schema)
  }

  function register(subject: string, schema: string): ConfluentAnswer {
    const versions = subjects.get(subject) ?? []
    const id = ids.get(schema) ?? ids.size + 1
    if (versions.at(-1) !== schema) {
      if (versions.length > 0 && incompatible.has(subject)) return error(409, 409, `Schema being registered is incompatible with an earlier schema for subject "${subject}"`)
      ids.set(schema, id)
      subjects.set(subject, [...versions, schema])
    }
    return { status: 200, body: { id } }
  }

  const violation = (problem: string, answer: ConfluentAnswer) => {
    violations.push(problem)
    return answer
  }

  const send = (request: ReceivedRequest, response: ServerResponse) => {
    const result = answer(request)
    const text = typeof result.body === 'string'
    response.writeHead(result.status, { 'content-type': text ? 'text/html' : mediaType })
    response.end(text ? result.body : JSON.stringify(result.body))
  }

  const server = await startHttpServer(send)
  return { ...server, subjects, incompatible, violations, refuse: (answer) => void (refusal = answer) }
}

const error = (status: number, code: number, message: string): ConfluentAnswer => ({ status, body: { error_code: code, message } })

function bodyProblem(text: string): string | undefined {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return 'the body is not JSON'
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not a JSON object'
  const record = body as Record<string, unknown>
  const unknown = Object.keys(record).filter((name) => !members.includes(name))
  if (unknown.length > 0) return `unknown members: ${unknown.join(', ')}`
  if (record.schemaType !== 'JSON') return `schemaType is ${JSON.stringify(record.schemaType)}, not "JSON" (without it the registry reads Avro)`
  if (typeof record.schema !== 'string') return 'schema must be the schema as a string'
  return undefined
}

/** A JSON Schema document is an object or a boolean. */
function isJsonSchema(text: string): boolean {
  try {
    const schema: unknown = JSON.parse(text)
    return typeof schema === 'boolean' || (typeof schema === 'object' && schema !== null && !Array.isArray(schema))
  } catch {
    return false
  }
}
