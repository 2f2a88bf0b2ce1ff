import { type ContractContext, type ContractEvent, type ContractModel, eachEvent } from '../contractModel.ts'
import type { JsonSchema } from '../dataSchema.ts'
import { asValues, eventBridgeEventSchema } from '../eventEnvelope.ts'
import type { ExportFile } from '../exportFiles.ts'
import { eventBridgeFiles } from './eventBridge.ts'

/**
 * Amazon EventBridge Schema Registry, `OpenApi3`: per domain event an OpenAPI
 * 3.0 document in the form of EventBridge's own discovered schemas, the
 * envelope as `AWSEvent` and the detail as a schema named after the event,
 * so the registry's code bindings read ours as they read its own.
 */

const envelopeName = 'AWSEvent'

/** The event's name, unless it is the envelope's: code bindings make a class of each, and some file systems ignore case. */
const detailName = (event: ContractEvent) => (event.name.toLowerCase() === envelopeName.toLowerCase() ? `${event.name}Detail` : event.name)

/** A `Content` for `eventBridgeManifest(contracts, 'OpenApi3', eventBridgeOpenApiSchema)`. */
export function eventBridgeOpenApiSchema(event: ContractEvent, context: ContractContext, parts = asValues): JsonSchema {
  const envelope = eventBridgeEventSchema(event, context, 'openapi-3.0', parts)
  const detail = detailName(event)
  return {
    openapi: '3.0.0',
    info: { version: event.version, title: event.name, ...(event.description ? { description: event.description } : {}) },
    paths: {},
    components: {
      schemas: {
        [envelopeName]: {
          ...envelope,
          properties: { ...(envelope.properties as JsonSchema), detail: { $ref: `#/components/schemas/${detail}` } },
          'x-amazon-events-source': context.source,
          'x-amazon-events-detail-type': event.name,
        },
        [detail]: parts.detail(event, context, 'openapi-3.0'),
      },
    },
  }
}

/** Keyed by schema name (`<source>@<EventName>`), as the JSON Schema format is. */
export const eventBridgeOpenApiSchemas = (contracts: ContractModel) => eachEvent(contracts, eventBridgeOpenApiSchema)

export const eventBridgeOpenApiFiles = (contracts: ContractModel): ExportFile[] => eventBridgeFiles(contracts, 'eventbridge-openapi', 'OpenApi3', eventBridgeOpenApiSchema)
