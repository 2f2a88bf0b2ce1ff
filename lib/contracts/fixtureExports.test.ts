import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readFixture } from '../boardFile/fixtures.ts'
import { buildBoardModel } from '../model/boardModel.ts'
import { fixtureRecords } from '../model/testing.ts'
import { boardContracts } from './boardContracts.ts'
import { asyncApiDocuments } from './formats/asyncApi.ts'
import { cloudEventExamples, cloudEventSchemas } from './formats/cloudEvents.ts'
import { eventBridgeExamples, eventBridgeSchemas } from './formats/eventBridge.ts'
import { eventCatalogFiles } from './formats/eventCatalog.ts'
import { lintCatalog, writeFiles } from './formats/eventCatalogTesting.ts'
import { exportFormats } from './formats.ts'
import { draft04, draft07, offlineAsyncApiParser } from './schemaValidators.ts'
import { zipFiles } from './zip.ts'

const samples = ['eventstorming-facilitation-workshop', 'process-modelling-grammar'] as const satisfies Parameters<typeof readFixture>[0][]

/** Boards from another tool, laid out as their workshops left them: every format exports them, and the tools each format is for accept it. */
describe.each(samples)('the EventStormer sample %s', (sample) => {
  const contracts = boardContracts(buildBoardModel(fixtureRecords(sample)), sample, { payloadBudgetBytes: 256 * 1024 })

  test('exports in every format and as a bundle, with no error among its problems', () => {
    expect(contracts.contexts.flatMap((c) => c.events).length).toBeGreaterThan(0)
    expect(contracts.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(zipFiles(exportFormats.bundle.files(contracts)).byteLength).toBeGreaterThan(0)
  })

  test('its EventBridge and CloudEvents schemas are valid, and their examples validate', () => {
    for (const [ajv, schemas, examples] of [
      [draft04(), eventBridgeSchemas(contracts), eventBridgeExamples(contracts)],
      [draft07(), cloudEventSchemas(contracts), cloudEventExamples(contracts)],
    ] as const) {
      for (const [name, schema] of Object.entries(schemas)) {
        expect(ajv.validateSchema(schema as object), name).toBe(true)
        const validate = ajv.compile(schema as object)
        expect(validate((examples as Record<string, unknown>)[name]), JSON.stringify(validate.errors)).toBe(true)
      }
    }
  })

  test('its AsyncAPI documents parse with no error, offline', async () => {
    const { parser, fetched } = offlineAsyncApiParser()
    for (const [context, document] of Object.entries(asyncApiDocuments(contracts))) {
      const { diagnostics } = await parser.parse(JSON.stringify(document))
      expect(diagnostics.filter((d) => d.severity === 0).map((d) => d.message), context).toEqual([])
    }
    expect(fetched).toEqual([])
  })

  test('its EventCatalog passes EventCatalog’s linter', async () => {
    const { problems } = await lintCatalog(join(writeFiles(eventCatalogFiles(contracts)), 'eventcatalog'))
    expect(problems).toEqual([])
  })
})
