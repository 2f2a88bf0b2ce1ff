import { bundleFormat } from './bundle.ts'
import type { ContractModel } from './contractModel.ts'
import { type ExportFile, indentedJsonText } from './exportFiles.ts'
import { asyncApiDocuments, asyncApiFiles } from './formats/asyncApi.ts'
import { boundedContextsDocument, boundedContextsFiles } from './formats/boundedContexts.ts'
import { cloudEventFiles, cloudEventSchemas } from './formats/cloudEvents.ts'
import { confluentFiles, confluentRequests } from './formats/confluent.ts'
import { contextMapperFiles, contextMapperText } from './formats/contextMapper.ts'
import { eventBridgeFiles, eventBridgeSchemas } from './formats/eventBridge.ts'
import { eventBridgeOpenApiFiles, eventBridgeOpenApiSchemas } from './formats/eventBridgeOpenApi.ts'
import { eventCatalogFiles } from './formats/eventCatalog.ts'

/**
 * Every export format, one entry each: what `GET /api/boards/<id>/export/<format>`
 * answers, and the files it adds to the bundle. Each is a pure function of
 * the contract model.
 */
export interface ExportFormat {
  title: string
  /** What the format is for, for the dialog and the bundle's README. */
  description: string
  /** How to load its files into the tool they are for, in Markdown, for the bundle's README. */
  howToLoad?: string
  /** The HTTP answer: JSON (one document, or documents keyed by context or schema name) or text. */
  answer: { type: 'json'; document(contracts: ContractModel): unknown } | { type: 'text'; mediaType: string; extension: string; text(contracts: ContractModel): string } | { type: 'zip' }
  files(contracts: ContractModel): ExportFile[]
}

const formats = {
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
  contexts: {
    title: 'Bounded contexts, JSON',
    description:
      'Every bounded context with its events (schema name, version, producing service, severity, consumers), commands, aggregates, policies, read models, actors, external systems, team and sensitive fields; which context consumes which events of another; and the problems met in the export (contexts.json).',
    howToLoad: 'Read `contexts.json` with any JSON tool, e.g. `jq \'.relations\' contexts.json`.',
    answer: { type: 'json', document: boundedContextsDocument },
    files: boundedContextsFiles,
  },
  cml: {
    title: 'Context Mapper, CML',
    description:
      'A Context Mapper context map (context-map.cml): each context that publishes events upstream of the contexts reacting to them, and a bounded context per context with its commands, and aggregates holding its domain events, whose fields are attributes and value objects.',
    howToLoad:
      'Open `context-map.cml` in Context Mapper (its VS Code or Eclipse plugin) to see the map, generate PlantUML and MDSL from it, or refactor it.',
    answer: { type: 'text', mediaType: 'text/plain', extension: 'cml', text: contextMapperText },
    files: contextMapperFiles,
  },
  eventcatalog: {
    title: 'EventCatalog',
    description:
      'An EventCatalog folder (eventcatalog/): a domain per context, a service per producing service with the events it sends, each event with the draft-07 schema of its detail (schema.json) and badges for its severity, and a team per context’s team. EventCatalog’s linter passes it as it is.',
    howToLoad:
      'Copy the folders in `eventcatalog/` (`domains/`, `teams/`) into the root of your EventCatalog project, check them with `npx @eventcatalog/linter`, and browse them with `npm run dev`.',
    answer: { type: 'zip' },
    files: eventCatalogFiles,
  },
} satisfies Record<string, ExportFormat>

/** Every format, and the bundle of all the others. */
export const exportFormats = { ...formats, bundle: bundleFormat(formats) }

export type FormatId = keyof typeof exportFormats
export const formatIds = Object.keys(exportFormats) as FormatId[]

export const isFormatId = (id: string): id is FormatId => Object.hasOwn(exportFormats, id)

/** What the answer of a JSON or text format is, as text. */
export function formatText(format: ExportFormat, contracts: ContractModel): string {
  if (format.answer.type === 'json') return indentedJsonText(format.answer.document(contracts))
  if (format.answer.type === 'text') return format.answer.text(contracts)
  throw new Error('a zip format has no text')
}

/** What the Export dialog lists: each format but the bundle (it has a button of its own), with its title, description and how it answers. */
export const formatSummaries = () =>
  formatIds
    .filter((id) => id !== 'bundle')
    .map((id) => {
      const { title, description, answer } = exportFormats[id] as ExportFormat
      return { id, title, description, answer: answer.type }
    })
