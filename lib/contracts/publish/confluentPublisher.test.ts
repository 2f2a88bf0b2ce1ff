import { afterEach, describe, expect, test } from 'vitest'
import { type ConfluentSubmission, type ConfluentTarget, confluentTargetFromEnv, publishToConfluent } from './confluentPublisher.ts'
import { type FakeConfluentRegistry, startFakeConfluentRegistry } from './testing/confluentSchemaRegistry.ts'
import { unreachableUrl } from './testing/httpServer.ts'
import { recordingLogger } from './testing/recordingLogger.ts'

const user = { username: 'board-publisher', password: 'fake-password-for-tests-only' }

const submission = (subject: string, properties: Record<string, unknown>): ConfluentSubmission => ({
  subject,
  body: { schemaType: 'JSON', schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties }) },
})

const shop = (placedProperties: Record<string, unknown> = { orderId: { type: 'string' } }) => [
  submission('com.shop.orders.OrderPlaced-value', placedProperties),
  submission('com.shop.orders.OrderCancelled-value', { orderId: { type: 'string' }, reason: { type: 'string' } }),
  // A subject needs encoding in the path: its slash and spaces are one segment.
  submission('payments/Payment Received', { paymentId: { type: 'string' } }),
]

describe('registering JSON Schemas in a Confluent Schema Registry', () => {
  let registry: FakeConfluentRegistry
  let target: ConfluentTarget

  /** `null` for an open registry. */
  const start = async (credentials: typeof user | null = user) => {
    registry = await startFakeConfluentRegistry(credentials ?? undefined)
    target = { url: registry.url, ...credentials }
  }
  afterEach(async () => {
    await registry.close()
    // Every request our publisher sent was one the API documents.
    expect(registry.violations).toEqual([])
  })

  const outcomes = (report: Awaited<ReturnType<typeof publishToConfluent>>) =>
    report.results.map((r) => [r.subject, r.outcome === 'failed' ? r.failure.code : r.outcome])

  test('each subject is registered under its own name, with Basic auth, and reported with the schema id the registry answers', async () => {
    await start()

    const report = await publishToConfluent(shop(), target, fetch, recordingLogger())

    expect(report).toEqual({
      results: [
        { subject: 'com.shop.orders.OrderPlaced-value', outcome: 'registered', id: 1 },
        { subject: 'com.shop.orders.OrderCancelled-value', outcome: 'registered', id: 2 },
        { subject: 'payments/Payment Received', outcome: 'registered', id: 3 },
      ],
    })
    expect([...registry.subjects.keys()]).toEqual(['com.shop.orders.OrderPlaced-value', 'com.shop.orders.OrderCancelled-value', 'payments/Payment Received'])
    expect(registry.subjects.get('payments/Payment Received')).toEqual([shop()[2]?.body.schema])
  })

  test('registering the same schemas again answers the same ids and adds no version', async () => {
    await start()
    await publishToConfluent(shop(), target, fetch, recordingLogger())

    const again = await publishToConfluent(shop(), target, fetch, recordingLogger())

    expect(again.results.map((r) => r.outcome === 'registered' && r.id)).toEqual([1, 2, 3])
    expect([...registry.subjects.values()].map((versions) => versions.length)).toEqual([1, 1, 1])
  })

  test("a schema the subject's compatibility refuses is reported with error code 409 and the registry's message, and the others are registered", async () => {
    await start()
    await publishToConfluent(shop(), target, fetch, recordingLogger())
    registry.incompatible.add('com.shop.orders.OrderPlaced-value')

    const report = await publishToConfluent(shop({ orderId: { type: 'integer' } }), target, fetch, recordingLogger())

    expect(report.results[0]).toEqual({
      subject: 'com.shop.orders.OrderPlaced-value',
      outcome: 'failed',
      failure: { code: '409', message: 'Schema being registered is incompatible with an earlier schema for subject "com.shop.orders.OrderPlaced-value"' },
    })
    expect(outcomes(report).slice(1)).toEqual([
      ['com.shop.orders.OrderCancelled-value', 'registered'],
      ['payments/Payment Received', 'registered'],
    ])
  })

  test('a schema the registry finds invalid is reported with error code 42201, and the others are registered', async () => {
    await start()
    const [placed, ...others] = shop()
    const broken = { subject: 'com.shop.orders.Broken-value', body: { schemaType: 'JSON' as const, schema: '{"type": "object",' } }
    const log = recordingLogger()

    const report = await publishToConfluent([placed!, broken, ...others], target, fetch, log)

    expect(outcomes(report)).toEqual([
      ['com.shop.orders.OrderPlaced-value', 'registered'],
      ['com.shop.orders.Broken-value', '42201'],
      ['com.shop.orders.OrderCancelled-value', 'registered'],
      ['payments/Payment Received', 'registered'],
    ])
    expect(log.lines[1]).toMatch(/^Schema registry: subject com.shop.orders.Broken-value failed: 42201: Invalid schema/)
  })

  test.each([
    ['a wrong password is refused (401)', () => ({ ...target, password: 'not-the-password' }), '401'],
    ['a user without permission is refused (403)', () => (registry.refuse({ status: 403, body: { error_code: 40301, message: 'User is denied operation Write on Subject' } }), target), '40301'],
  ])('%s: the publish stops before any subject is registered, with a message that says to check the credentials', async (_, refusedTarget, code) => {
    await start()
    const log = recordingLogger()

    const report = await publishToConfluent(shop(), refusedTarget(), fetch, log)

    expect(report.results).toEqual([])
    expect(report.stopped?.code).toBe(code)
    expect(report.stopped?.message).toMatch(/^the schema registry refused the credentials \(.+\)\. Check CONFLUENT_USERNAME and CONFLUENT_PASSWORD/)
    expect(registry.subjects.size).toBe(0)
    expect(log.lines).toEqual([`Schema registry: publish stopped: ${report.stopped?.message}`])
  })

  test('a Confluent Cloud API key and its secret go as Basic auth', async () => {
    await start({ username: 'CLOUDAPIKEY0001', password: 'cloud-secret-for-tests-only' })

    const report = await publishToConfluent(shop(), { url: registry.url, apiKey: 'CLOUDAPIKEY0001', apiSecret: 'cloud-secret-for-tests-only' }, fetch, recordingLogger())

    expect(outcomes(report).map(([, outcome]) => outcome)).toEqual(['registered', 'registered', 'registered'])
  })

  test('an open registry gets no Authorization header, and a URL ending in a slash still finds its paths', async () => {
    await start(null)
    const authorizations: Array<string | null> = []
    const watching: typeof fetch = (url, init) => {
      authorizations.push(new Headers(init?.headers).get('authorization'))
      return fetch(url, init)
    }

    const report = await publishToConfluent(shop(), { url: `${registry.url}/` }, watching, recordingLogger())

    expect(outcomes(report).map(([, outcome]) => outcome)).toEqual(['registered', 'registered', 'registered'])
    expect(authorizations).toEqual([null, null, null])
  })

  test("an answer that is not the registry's JSON, such as a proxy's error page, is reported with its HTTP status", async () => {
    await start()
    registry.refuse({ status: 502, body: '<html><body>Bad Gateway</body></html>' })

    const report = await publishToConfluent(shop().slice(0, 1), target, fetch, recordingLogger())

    expect(report.results).toEqual([{ subject: 'com.shop.orders.OrderPlaced-value', outcome: 'failed', failure: { code: '502', message: 'HTTP 502 Bad Gateway' } }])
  })

  test('a registry nobody answers on stops the publish with the connection error', async () => {
    await start()

    const report = await publishToConfluent(shop(), { ...target, url: await unreachableUrl() }, fetch, recordingLogger())

    expect(report.results).toEqual([])
    expect(report.stopped).toEqual({ code: 'ECONNREFUSED', message: expect.stringMatching(/^the schema registry could not be called: connect ECONNREFUSED/) })
  })

  test('a registry URL holding credentials is refused before any request, and the credentials appear in no message', async () => {
    await start()
    const log = recordingLogger()
    const url = registry.url.replace('http://', `http://${user.username}:${user.password}@`)

    const report = await publishToConfluent(shop(), { url }, fetch, log)

    expect(report.results).toEqual([])
    expect(report.stopped?.code).toBe('InvalidUrl')
    expect(JSON.stringify(report) + log.lines.join('\n')).not.toContain(user.password)
    expect(registry.subjects.size).toBe(0)
  })

  test('the log says what happened to each subject and never holds the password', async () => {
    await start()
    const log = recordingLogger()

    await publishToConfluent(shop(), target, fetch, log)

    expect(log.lines).toEqual([
      'Schema registry: subject com.shop.orders.OrderPlaced-value registered (id 1)',
      'Schema registry: subject com.shop.orders.OrderCancelled-value registered (id 2)',
      'Schema registry: subject payments/Payment Received registered (id 3)',
    ])
    expect(log.lines.join('\n')).not.toContain(user.password)
  })
})

describe('the Confluent target from the environment', () => {
  test('is the URL in CONFLUENT_URL with the user and password, or the API key and secret, set beside it', () => {
    expect(confluentTargetFromEnv({ CONFLUENT_URL: 'https://registry.example.com', CONFLUENT_USERNAME: 'u', CONFLUENT_PASSWORD: 'p' })).toEqual({
      url: 'https://registry.example.com',
      username: 'u',
      password: 'p',
    })
    expect(confluentTargetFromEnv({ CONFLUENT_URL: 'https://psrc.example.cloud', CONFLUENT_API_KEY: 'k', CONFLUENT_API_SECRET: 's', CONFLUENT_USERNAME: '' })).toEqual({
      url: 'https://psrc.example.cloud',
      apiKey: 'k',
      apiSecret: 's',
    })
  })

  test('is none without CONFLUENT_URL, so publishing to Confluent stays off', () => {
    expect(confluentTargetFromEnv({ CONFLUENT_USERNAME: 'u', CONFLUENT_PASSWORD: 'p' })).toBeUndefined()
  })
})
