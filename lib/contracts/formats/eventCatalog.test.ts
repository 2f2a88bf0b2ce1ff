import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import eventCatalogSdk from '@eventcatalog/sdk'
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { modelOfContent } from '../../model/boardModel.ts'
import { contractModel } from '../contractModel.ts'
import { exampleDetail } from '../eventEnvelope.ts'
import { draft07 } from '../schemaValidators.ts'
import { boardContentArbitrary, contextArea, contractsOf, event, ordersAndShipping } from '../testing.ts'
import { eventCatalogFiles, eventCatalogSchema } from './eventCatalog.ts'
import { lintCatalog, writeFiles } from './eventCatalogTesting.ts'

const written: string[] = []
afterEach(() => {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** The catalog folder of an export, unpacked into a temporary folder. */
function unpacked(files = eventCatalogFiles(ordersAndShipping())) {
  const root = writeFiles(files)
  written.push(root)
  return join(root, 'eventcatalog')
}

const linterCli = createRequire(import.meta.url).resolve('@eventcatalog/linter/dist/cli/index.js')
const runLinter = (dir: string) => spawnSync(process.execPath, [linterCli, dir], { encoding: 'utf8' })

/** The SDK lists in the order its glob finds files. */
const byId = <T extends { id: string }>(resources: T[] | undefined) => [...(resources ?? [])].sort((a, b) => a.id.localeCompare(b.id))

describe('EventCatalog export', () => {
  test('a domain per context holds a service per producing service, which holds its events, each with its schema beside it; a team per context’s team', () => {
    expect(eventCatalogFiles(ordersAndShipping()).map((file) => file.path)).toEqual([
      'eventcatalog/domains/orders/index.mdx',
      'eventcatalog/domains/orders/services/order-service/index.mdx',
      'eventcatalog/domains/orders/services/order-service/events/OrderPlaced/index.mdx',
      'eventcatalog/domains/orders/services/order-service/events/OrderPlaced/schema.json',
      'eventcatalog/domains/shipping/index.mdx',
      'eventcatalog/domains/shipping/services/shipping-service/index.mdx',
      'eventcatalog/domains/shipping/services/shipping-service/events/OrderShipped/index.mdx',
      'eventcatalog/domains/shipping/services/shipping-service/events/OrderShipped/schema.json',
      'eventcatalog/teams/checkout-team.mdx',
      'eventcatalog/teams/unassigned.mdx',
    ])
  })

  test('EventCatalog’s linter CLI finds no problem, and does find the owner that a missing team file leaves dangling', () => {
    const dir = unpacked()
    expect(runLinter(dir)).toMatchObject({ status: 0, stdout: expect.stringContaining('No problems found') })
    rmSync(join(dir, 'teams/unassigned.mdx'))
    expect(runLinter(dir)).toMatchObject({ status: 1, stdout: expect.stringContaining('Referenced user/team "unassigned"') })
  })

  test('EventCatalog’s SDK reads back the domains, services, events with their versions, owners and schemas, and the teams', async () => {
    const contracts = ordersAndShipping()
    const sdk = eventCatalogSdk(unpacked())
    const domains = byId(await sdk.getDomains())
    expect(domains.map(({ id, version, owners, services, receives }) => ({ id, version, owners, services, receives }))).toEqual([
      { id: 'orders', version: '1.0.0', owners: ['checkout-team'], services: [{ id: 'order-service', version: '1.0.0' }], receives: undefined },
      {
        id: 'shipping',
        version: '1.0.0',
        owners: ['unassigned'],
        services: [{ id: 'shipping-service', version: '1.0.0' }],
        receives: [{ id: 'OrderPlaced', version: '1.0.0' }],
      },
    ])
    const services = byId(await sdk.getServices())
    expect(services.map(({ id, name, sends }) => ({ id, name, sends }))).toEqual([
      { id: 'order-service', name: 'Order', sends: [{ id: 'OrderPlaced', version: '1.0.0' }] },
      { id: 'shipping-service', name: 'Shipping', sends: [{ id: 'OrderShipped', version: '1.0.0' }] },
    ])
    const events = byId(await sdk.getEvents({ attachSchema: true }))
    expect(events.map(({ id, name, version, schemaPath, badges }) => ({ id, name, version, schemaPath, badges: badges?.map((b) => b.content) }))).toEqual([
      { id: 'OrderPlaced', name: 'Order Placed', version: '1.0.0', schemaPath: 'schema.json', badges: ['Severity: AMBER'] },
      { id: 'OrderShipped', name: 'Order Shipped', version: '1.0.0', schemaPath: 'schema.json', badges: ['Severity: GREEN', 'Pivotal event'] },
    ])
    const [orders, shipping] = contracts.contexts
    expect(events[0]!.schema).toEqual(eventCatalogSchema(orders!.events[0]!, orders!))
    expect(events[1]!.schema).toEqual(eventCatalogSchema(shipping!.events[0]!, shipping!))
    const teams = byId(await sdk.getTeams())
    expect(teams.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: 'checkout-team', name: 'Checkout Team' },
      { id: 'unassigned', name: 'Unassigned' },
    ])
  })

  test('an event’s schema is the draft-07 schema of its detail, which its example detail satisfies', () => {
    const [orders] = ordersAndShipping().contexts
    const schema = eventCatalogSchema(orders!.events[0]!, orders!) as Record<string, any>
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema.required).toEqual(['metadata', 'data'])
    const ajv = draft07()
    expect(ajv.validateSchema(schema)).toBe(true)
    const validate = ajv.compile(schema)
    expect(validate(exampleDetail(orders!.events[0]!, orders!)), JSON.stringify(validate.errors)).toBe(true)
  })

  test('names two contexts share get told apart, and folder names the tools read a meaning into are escaped', async () => {
    const contracts = contractsOf({
      contexts: [contextArea('a', 'Events', 0), contextArea('b', 'Dependencies', 1000)],
      elements: [
        event('e1', 'Order Placed', 100, [], { contract: { description: '', version: 2, producer: 'Billing', fields: [] } }),
        event('e2', 'Order Placed', 1100, [], { contract: { description: '', version: 1, producer: 'Billing', fields: [] } }),
      ],
    })
    const paths = eventCatalogFiles(contracts).map((file) => file.path)
    expect(paths).toContain('eventcatalog/domains/events_/services/events-billing-service/events/EventsOrderPlaced/index.mdx')
    expect(paths).toContain('eventcatalog/domains/dependencies_/services/dependencies-billing-service/events/DependenciesOrderPlaced/index.mdx')
    const dir = unpacked(eventCatalogFiles(contracts))
    expect(await lintCatalog(dir)).toMatchObject({ ignored: [], problems: [] })
    const sdk = eventCatalogSdk(dir)
    expect(byId(await sdk.getDomains()).map((d) => d.id)).toEqual(['dependencies', 'events'])
    expect(byId(await sdk.getEvents()).map((e) => `${e.id}@${e.version}`)).toEqual(['DependenciesOrderPlaced@1.0.0', 'EventsOrderPlaced@2.0.0'])
  })

  test('any board gives a catalog in which the linter finds nothing at all, and the SDK reads every context, service and event', async () => {
    await fc.assert(
      fc.asyncProperty(boardContentArbitrary, async (content) => {
        const contracts = contractModel(modelOfContent(content), content.name)
        const files = eventCatalogFiles(contracts)
        const dir = unpacked(files)
        const lint = await lintCatalog(dir)
        expect(lint.problems).toEqual([])
        expect(lint.ignored).toEqual([])
        // Every page written is a resource the linter knows, of the kind its folder says.
        expect(lint.files).toHaveLength(files.filter((file) => file.path.endsWith('.mdx')).length)
        const sdk = eventCatalogSdk(dir)
        const events = contracts.contexts.flatMap((context) => context.events)
        expect(byId(await sdk.getDomains())).toHaveLength(contracts.contexts.length)
        expect(byId(await sdk.getServices())).toHaveLength(contracts.contexts.flatMap((context) => context.services).length)
        expect(byId(await sdk.getEvents()).map((e) => e.version).sort()).toEqual(events.map((e) => e.version).sort())
      }),
      { numRuns: 30 },
    )
  })
})
