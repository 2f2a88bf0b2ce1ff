import { type ContractContext, type ContractEvent, type ContractModel, eachEvent } from '../contractModel.ts'
import { type JsonSchema, exampleTime, schemaDocument } from '../dataSchema.ts'
import { asValues, exampleEventId } from '../eventEnvelope.ts'
import { type ExportFile, eventJsonFiles } from '../exportFiles.ts'

/**
 * CloudEvents 1.0 in its JSON format: per domain event a draft-07 schema of
 * the whole CloudEvent, whose `data` is the detail (metadata and data) every
 * format carries, and an example event.
 */

const mediaType = 'application/json'

export function cloudEventSchema(event: ContractEvent, context: ContractContext, parts = asValues): JsonSchema {
  // The specification forbids empty ids and subjects.
  const text = { type: 'string', minLength: 1 }
  return schemaDocument('draft-07', event, {
    type: 'object',
    properties: {
      specversion: { type: 'string', enum: ['1.0'] },
      id: text,
      // A URI-reference; a reverse-DNS name is one (a relative reference), and keeping EventBridge's source lets a bridge copy it as it is.
      source: { type: 'string', format: 'uri-reference', enum: [context.source] },
      // `<source>.<EventName>`: prefixed with a reverse-DNS name, as the specification recommends.
      type: { type: 'string', enum: [event.qualifiedName] },
      datacontenttype: { type: 'string', enum: [mediaType] },
      dataschema: { type: 'string', format: 'uri' },
      subject: text,
      time: { type: 'string', format: 'date-time' },
      data: parts.detail(event, context, 'draft-07'),
    },
    // CloudEvents' four, and the data: an event of ours without it is no event of this contract.
    required: ['specversion', 'id', 'source', 'type', 'data'],
  })
}

export function exampleCloudEvent(event: ContractEvent, context: ContractContext, parts = asValues) {
  // Intermediaries keep a CloudEvent's id, so it is the event's own.
  return { specversion: '1.0', id: exampleEventId(event), source: context.source, type: event.qualifiedName, time: exampleTime, datacontenttype: mediaType, data: parts.exampleDetail(event, context) }
}

/** Keyed by schema name (`<source>@<EventName>`). */
export const cloudEventSchemas = (contracts: ContractModel) => eachEvent(contracts, cloudEventSchema)

export const cloudEventExamples = (contracts: ContractModel) => eachEvent(contracts, exampleCloudEvent)

export const cloudEventFiles = (contracts: ContractModel): ExportFile[] => [
  ...eventJsonFiles('cloudevents', contracts, cloudEventSchema),
  ...eventJsonFiles('cloudevents/examples', contracts, exampleCloudEvent),
]
