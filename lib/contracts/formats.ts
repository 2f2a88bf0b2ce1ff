import type { ContractModel } from './contractModel.ts'
import { type ExportFile, jsonText } from './exportFiles.ts'
import { asyncApiDocuments, asyncApiFiles } from './formats/asyncApi.ts'
import { cloudEventFiles, cloudEventSchemas } from './formats/cloudEvents.ts'
import { confluentFiles, confluentRequests } from './formats/confluent.ts'
import { eventBridgeFiles, eventBridgeSchemas } from './formats/eventBridge.ts'
import { eventBridgeOpenApiFiles, eventBridgeOpenApiSchemas } from './formats/eventBridgeOpenApi.ts'

/**
 * Every export format, one entry each: what `GET /api/boards/<id>/export/<format>`
 * answers, and the files it adds to the bundle. Each is a pure function of
 * the contract model.
 */
export interface ExportFormat {
  title: string
  /** What the format is for, for the dialog and the bundle's README. */
  description: string
  /** The HTTP answer: JSON (one document, or documents keyed by context or schema name) or text. */
  answer: { type: 'json'; document(contracts: ContractModel): unknown } | { type: 'text'; mediaType: string; extension: string; text(contracts: ContractModel): string } | { type: 'zip' }
  files(contracts: ContractModel): ExportFile[]
}

export const exportFormats = {
  eventbridge: {
    title: 'EventBridge, JSON Schema',
    description:
      'One JSONSchemaDraft4 schema of the whole EventBridge event per domain event (schemas/), an example event for each (examples/), and the CreateRegistry/CreateSchema calls that load them (manifest.json, create-schemas.sh).',
    answer: { type: 'json', document: eventBridgeSchemas },
    files: eventBridgeFiles,
  },
  'eventbridge-openapi': {
    title: 'EventBridge, OpenAPI 3',
    description:
      'One OpenApi3 schema per domain event, in the form of EventBridge’s discovered schemas: the envelope as AWSEvent, the detail under the event’s name (schemas/); an example event for each (examples/), and the CreateRegistry/CreateSchema calls with Type OpenApi3 (manifest.json, create-schemas.sh).',
    answer: { type: 'json', document: eventBridgeOpenApiSchemas },
    files: eventBridgeOpenApiFiles,
  },
  asyncapi: {
    title: 'AsyncAPI 3.0',
    description:
      'One AsyncAPI 3.0.0 document per bounded context: a channel at <source>.<EventName> and a send operation for each of its events, a receive operation for each event it consumes from another context (its message copied in, so each document stands alone), draft-07 payloads with an example, and the context’s sensitive fields under info.x-sensitive-fields.',
    answer: { type: 'json', document: asyncApiDocuments },
    files: asyncApiFiles,
  },
  cloudevents: {
    title: 'CloudEvents',
    description:
      'One draft-07 JSON Schema of the whole CloudEvent 1.0 (JSON format) per domain event: type <source>.<EventName>, source the context’s reverse-DNS name, data the event’s metadata and data; an example CloudEvent beside each (examples/).',
    answer: { type: 'json', document: cloudEventSchemas },
    files: cloudEventFiles,
  },
  confluent: {
    title: 'Confluent Schema Registry',
    description:
      'Per domain event the body of POST /subjects/<source>.<EventName>/versions: schemaType JSON and the draft-07 schema of the event’s metadata and data, titled with the subject so RecordNameStrategy finds it; register-schemas.sh posts them all to $SCHEMA_REGISTRY_URL.',
    answer: { type: 'json', document: confluentRequests },
    files: confluentFiles,
  },
} satisfies Record<string, ExportFormat>

export type FormatId = keyof typeof exportFormats
export const formatIds = Object.keys(exportFormats) as FormatId[]

export const isFormatId = (id: string): id is FormatId => Object.hasOwn(exportFormats, id)

/** What the answer of a JSON or text format is, as text. */
export function formatText(format: ExportFormat, contracts: ContractModel): string {
  if (format.answer.type === 'json') return jsonText(format.answer.document(contracts))
  if (format.answer.type === 'text') return format.answer.text(contracts)
  throw new Error('a zip format has no text')
}

/** What the Export dialog lists: each format's id, title, description and how it answers. */
export const formatSummaries = () =>
  formatIds.map((id) => {
    const { title, description, answer } = exportFormats[id] as ExportFormat
    return { id, title, description, answer: answer.type }
  })
