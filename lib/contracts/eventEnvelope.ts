import type { ContractContext, ContractEvent } from './contractModel.ts'
import { type Dialect, type JsonSchema, dataSchema, dialectOf, exampleData, exampleTime, schemaDocument } from './dataSchema.ts'
import { JsonText } from './jsonText.ts'
import { perEvent } from './perEvent.ts'

/**
 * What every event carries, in every format: `detail` (the EventBridge name;
 * CloudEvents' `data`, AsyncAPI's payload) holds `metadata` and `data`.
 * Metadata gives the event its own id (EventBridge replaces the envelope's
 * when it forwards), the schema version, a correlation id for tracing, a clear
 * origin (context and service), the time, and a severity a gatekeeper bus can
 * filter on. `data` is the contract panel's fields.
 */
/**
 * How metadata states who produced the event and its severity. `pinned`: a
 * one-value enum each, so a validator refuses an event from anyone else.
 * `annotated`: strings that name the expected value in `examples` and the
 * description, for Confluent's registry: its SchemaDiff refuses any change
 * of an enum under every mode but NONE (a new producing service, or the first
 * personal-data field turning GREEN into AMBER, would be a 409), while it
 * takes a changed description as compatible and does not compare `examples`.
 * The other formats' registries keep every version without a compatibility
 * check (EventBridge) or have none, so they keep the stricter `pinned`.
 */
export type OriginStyle = 'pinned' | 'annotated'

export const detailSchema = (event: ContractEvent, context: ContractContext, dialect: Dialect, origin: OriginStyle = 'pinned'): JsonSchema => ({
  type: 'object',
  properties: { metadata: metadataSchema(event, context, origin), data: dataSchema(event, dialect) },
  required: ['metadata', 'data'],
})

/** The draft-07 schema of an event's detail as a document of its own: AsyncAPI's message payload and EventCatalog's schema.json are this very schema. */
export const detailDocument = (event: ContractEvent, context: ContractContext): JsonSchema => schemaDocument('draft-07', event, detailSchema(event, context, 'draft-07'))

/** A sub-document as a document holds it: the value, or its JSON text (see `SharedParts`). */
export type Part = JsonSchema | JsonText

/**
 * What the documents of an event share across formats, and how a document
 * holds it. `asValues`: plain values, for answers and checks. `asTexts`: the
 * JSON text of each, made once per event and spliced by `jsonText` into every
 * file that holds it (a big bundle holds each in three to five formats).
 */
export interface SharedParts {
  /** The detail with pinned metadata. */
  detail(event: ContractEvent, context: ContractContext, dialect: Dialect): Part
  detailDocument(event: ContractEvent, context: ContractContext): Part
  exampleDetail(event: ContractEvent, context: ContractContext): Part
}

export const asValues: SharedParts = { detail: detailSchema, detailDocument, exampleDetail }

/** Keyed by the dialect the schema is in (`dialectOf`), so dialects that agree share one text. */
const detailTexts = perEvent((event: ContractEvent, dialect: Dialect, context: ContractContext) => new JsonText(JSON.stringify(detailSchema(event, context, dialect))))
const detailText = (event: ContractEvent, context: ContractContext, dialect: Dialect) => detailTexts(event, dialectOf(event, dialect), context)

export const asTexts: SharedParts = {
  detail: detailText,
  // The document's own members, then the detail's (which has none of the same names), as `schemaDocument` spreads them.
  detailDocument: perEvent((event: ContractEvent, context: ContractContext) => {
    const members = JSON.stringify(schemaDocument('draft-07', event, {}))
    return new JsonText(`${members.slice(0, -1)},${detailText(event, context, 'draft-07').text.slice(1)}`)
  }),
  exampleDetail: perEvent((event: ContractEvent, context: ContractContext) => new JsonText(JSON.stringify(exampleDetail(event, context)))),
}

export function metadataSchema(event: ContractEvent, context: ContractContext, origin: OriginStyle = 'pinned'): JsonSchema {
  const text = (description: string) => ({ type: 'string', description })
  // Draft-04 has no `const`: a one-value enum. `annotated` is only written as draft-07, which has `examples`.
  const expected = (value: string, description: string) =>
    origin === 'pinned' ? { type: 'string', enum: [value], description } : { type: 'string', description: `${description} This schema: ${value}.`, examples: [value] }
  return {
    type: 'object',
    properties: {
      // No character past Latin-1 in what every schema says: V8 then keeps each document a one-byte string, half the memory, encoded for the zip at a fraction of the cost.
      eventId: text('The id of this event itself, kept when a bus gives the envelope a new one.'),
      // A string, not a one-value enum: readers of 1.1 must still accept events stamped 1.2.
      schemaVersion: text(`The contract version the event was written against (this schema: ${event.version}).`),
      correlationId: text('Shared by every event of one business transaction, for tracing.'),
      causationId: text('The id of the event or command that caused this one.'),
      producer: {
        type: 'object',
        properties: {
          context: expected(context.slug, 'The bounded context that publishes the event.'),
          service: expected(event.service, 'The service that publishes the event.'),
        },
        required: ['context', 'service'],
      },
      time: { type: 'string', format: 'date-time', description: 'When it happened in the domain.' },
      severity: expected(event.severity, 'RED: carries secrets; AMBER: personal data; GREEN: neither.'),
    },
    required: ['eventId', 'schemaVersion', 'correlationId', 'producer', 'time', 'severity'],
  }
}

/** The whole EventBridge event: its envelope, with `detail` as above. */
export function eventBridgeEventSchema(event: ContractEvent, context: ContractContext, dialect: Dialect, parts = asValues): JsonSchema {
  const string = { type: 'string' }
  return {
    type: 'object',
    properties: {
      version: string,
      id: string,
      'detail-type': { type: 'string', enum: [event.name] },
      source: { type: 'string', enum: [context.source] },
      account: string,
      time: { type: 'string', format: 'date-time' },
      region: string,
      resources: { type: 'array', items: string },
      detail: parts.detail(event, context, dialect),
    },
    required: ['detail-type', 'source', 'detail'],
  }
}

const exampleId = (event: ContractEvent, salt: string) => {
  // Deterministic, so two exports of one board are byte-identical; shaped like a UUID.
  let hash = 2166136261
  // By index, not by code point: schema names are ASCII, and the string iterator made a string of each character.
  const text = `${event.schemaName}:${salt}`
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0
  const hex = hash.toString(16).padStart(8, '0')
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`
}

/** The example event's own id: its metadata's, and a CloudEvent's (intermediaries keep that). */
export const exampleEventId = (event: ContractEvent) => exampleId(event, 'event')

export function exampleDetail(event: ContractEvent, context: ContractContext) {
  return {
    metadata: {
      eventId: exampleEventId(event),
      schemaVersion: event.version,
      correlationId: exampleId(event, 'correlation'),
      causationId: exampleId(event, 'cause'),
      producer: { context: context.slug, service: event.service },
      time: exampleTime,
      severity: event.severity,
    },
    data: exampleData(event.fields),
  }
}

export function exampleEventBridgeEvent(event: ContractEvent, context: ContractContext, parts = asValues) {
  return {
    version: '0',
    id: exampleId(event, 'envelope'),
    'detail-type': event.name,
    source: context.source,
    account: '123456789012',
    time: exampleTime,
    region: 'eu-west-1',
    resources: [],
    detail: parts.exampleDetail(event, context),
  }
}
