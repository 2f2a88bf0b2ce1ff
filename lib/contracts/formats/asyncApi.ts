import type { ContractContext, ContractEvent, ContractModel } from '../contractModel.ts'
import type { JsonSchema } from '../dataSchema.ts'
import { type SharedParts, asTexts, asValues } from '../eventEnvelope.ts'
import { type ExportFile, jsonFiles } from '../exportFiles.ts'
import { unique } from '../names.ts'

/**
 * AsyncAPI 3.0: one document per bounded context, the application it is. It
 * sends its own events, an operation each, and receives those it consumes
 * from other contexts. A consumed event's channel and message are copied in,
 * so every document stands alone (only `#/` references) and parses offline.
 */

/** An event with the context that publishes it. */
interface Published {
  event: ContractEvent
  publisher: ContractContext
}

/**
 * Payloads declare plain draft-07 (the schemas the CloudEvents and Confluent
 * exports hold) rather than leave the default, AsyncAPI's superset of it, so
 * tools need not look for AsyncAPI's own keywords. @asyncapi/parser 3.6.3
 * validates both alike and offline: its built-in schema parser reads this
 * format, and only a `$ref` outside the document would make it fetch.
 */
const draft07Format = 'application/schema+json;version=draft-07'

const nameOf = (context: ContractContext) => context.name.trim() || context.slug

function message({ event, publisher }: Published, parts: SharedParts): JsonSchema {
  return {
    name: event.name,
    title: event.text.trim() || event.name,
    ...(event.description ? { description: event.description } : {}),
    correlationId: { description: 'Shared by every event of one business transaction.', location: '$message.payload#/metadata/correlationId' },
    payload: { schemaFormat: draft07Format, schema: parts.detailDocument(event, publisher) },
    examples: [{ name: 'example', payload: parts.exampleDetail(event, publisher) }],
  }
}

/** Channel and message ids are `<source>.<EventName>`, the same in every document, so the producer's channel and a consumer's are one. */
const channel = ({ event }: Published): JsonSchema => ({ address: event.qualifiedName, messages: { [event.name]: { $ref: `#/components/messages/${event.qualifiedName}` } } })

const operation = (action: 'send' | 'receive', { event, publisher }: Published): JsonSchema => ({
  action,
  channel: { $ref: `#/channels/${event.qualifiedName}` },
  messages: [{ $ref: `#/channels/${event.qualifiedName}/messages/${event.name}` }],
  ...(action === 'receive' ? { summary: `Published by ${nameOf(publisher)}.` } : {}),
})

/** Numeric collation puts 1.10.0 after 1.9.0. One collator: `localeCompare` with options makes one per call, a thousand times a context. */
const versionOrder = new Intl.Collator('en', { numeric: true })

/** The newest of semantic versions. */
const newest = (versions: readonly string[]) => versions.reduce((a, b) => (versionOrder.compare(b, a) > 0 ? b : a))

/** The context's document, or none when it neither sends nor receives anything. */
export function asyncApiDocument(contracts: ContractModel, context: ContractContext, parts = asValues): JsonSchema | undefined {
  const sent = context.events.map((event) => ({ event, publisher: context }))
  const received = contracts.contexts.flatMap((publisher) => publisher.events.filter((event) => event.consumers.includes(context.slug)).map((event) => ({ event, publisher })))
  if (sent.length + received.length === 0) return undefined
  const all = [...sent, ...received]
  const operationIds = new Set<string>()
  // Two publishers may both name an event OrderPlaced: the second one received is receiveOrderPlaced2.
  const operationId = (action: string, { event }: Published) => unique(`${action}${event.name}`, operationIds)
  return {
    asyncapi: '3.0.0',
    info: {
      title: nameOf(context),
      // A change to any contract it sends or receives changes the context's interface.
      version: newest(all.map(({ event }) => event.version)),
      description: context.description || `What ${nameOf(context)} sends and receives, from the EventStorming board ${contracts.board.name}.`,
      ...(context.team ? { contact: { name: context.team } } : {}),
      'x-sensitive-fields': context.sensitiveFields,
    },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(all.map((published) => [published.event.qualifiedName, channel(published)])),
    operations: Object.fromEntries([
      ...sent.map((published) => [operationId('send', published), operation('send', published)]),
      ...received.map((published) => [operationId('receive', published), operation('receive', published)]),
    ]),
    components: { messages: Object.fromEntries(all.map((published) => [published.event.qualifiedName, message(published, parts)])) },
  }
}

/** Keyed by context slug; contexts with nothing to send or receive have none. */
export function asyncApiDocuments(contracts: ContractModel, parts = asValues): Record<string, JsonSchema> {
  return Object.fromEntries(
    contracts.contexts.flatMap((context) => {
      const document = asyncApiDocument(contracts, context, parts)
      return document ? [[context.slug, document]] : []
    }),
  )
}

export const asyncApiFiles = (contracts: ContractModel): ExportFile[] => jsonFiles('asyncapi', asyncApiDocuments(contracts, asTexts))
