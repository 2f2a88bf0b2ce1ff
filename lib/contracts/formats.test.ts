import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { modelOfContent } from '../model/boardModel.ts'
import { type ContractModel, contractModel } from './contractModel.ts'
import { asyncApiDocuments } from './formats/asyncApi.ts'
import { cloudEventExamples, cloudEventSchemas } from './formats/cloudEvents.ts'
import { confluentRequests } from './formats/confluent.ts'
import { eventBridgeExamples, eventBridgeSchemas } from './formats/eventBridge.ts'
import { eventBridgeOpenApiSchemas } from './formats/eventBridgeOpenApi.ts'
import { exportFormats, formatIds, formatText } from './formats.ts'
import { boardContentArbitrary, contractsArbitrary, written } from './testing.ts'
import { zipFiles } from './zip.ts'

describe('Export formats', () => {
  test('two exports of an unchanged board are byte-identical in every format, and no format writes two files at one path, even where case is ignored', () => {
    fc.assert(
      fc.property(boardContentArbitrary, (content) => {
        const [first, second] = [0, 1].map(() => contractModel(modelOfContent(structuredClone(content)), content.name))
        for (const id of formatIds) {
          const format = exportFormats[id]
          const files = format.files(first!)
          if (format.answer.type === 'zip') expect(zipFiles(format.files(second!)), id).toEqual(zipFiles(files))
          else expect(formatText(format, second!), id).toBe(formatText(format, first!))
          expect(written(format.files(second!)), id).toEqual(written(files))
          expect(new Set(files.map((f) => f.path.toLowerCase())).size, id).toBe(files.length)
        }
      }),
      { numRuns: 30 },
    )
  }, 60_000)

  test('every JSON file of an event or a context holds the very document the format answers, and examples the examples', () => {
    const answered: Record<string, (contracts: ContractModel) => Record<string, unknown>> = {
      'eventbridge/schemas': eventBridgeSchemas,
      'eventbridge/examples': eventBridgeExamples,
      'eventbridge-openapi/schemas': eventBridgeOpenApiSchemas,
      'eventbridge-openapi/examples': eventBridgeExamples,
      asyncapi: asyncApiDocuments,
      cloudevents: cloudEventSchemas,
      'cloudevents/examples': cloudEventExamples,
      confluent: confluentRequests,
    }
    fc.assert(
      fc.property(contractsArbitrary, (contracts) => {
        const files = new Map(written(exportFormats.bundle.files(contracts)).map((file) => [file.path, file.content]))
        for (const [folder, documents] of Object.entries(answered)) {
          for (const [key, document] of Object.entries(documents(contracts))) expect(JSON.parse(files.get(`${folder}/${key}.json`)!), `${folder}/${key}`).toEqual(document)
        }
      }),
      { numRuns: 30 },
    )
  }, 60_000)
})
