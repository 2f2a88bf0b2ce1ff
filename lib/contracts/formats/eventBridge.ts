import { type ContractContext, type ContractEvent, type ContractModel, eachEvent } from '../contractModel.ts'
import { type JsonSchema, schemaDocument } from '../dataSchema.ts'
import { type SharedParts, asValues, eventBridgeEventSchema, exampleEventBridgeEvent } from '../eventEnvelope.ts'
import { type EventDocument, type ExportFile, eventJson, jsonFile } from '../exportFiles.ts'
import { JsonText, jsonPieces } from '../jsonText.ts'

/**
 * Amazon EventBridge Schema Registry, `JSONSchemaDraft4`: one schema of the
 * whole event per domain event, and the `CreateRegistry` / `CreateSchema`
 * calls that load them, in the API's own parameter names.
 */

/** What `CreateSchema` takes, as the API names it. */
export interface CreateSchemaInput {
  RegistryName: string
  SchemaName: string
  Type: 'JSONSchemaDraft4' | 'OpenApi3'
  Content: string
  /** At most 256 characters. */
  Description: string
  Tags: Record<string, string>
}

export interface CreateRegistryInput {
  RegistryName: string
  Description: string
  Tags: Record<string, string>
}

export interface EventBridgeManifest {
  registries: CreateRegistryInput[]
  schemas: CreateSchemaInput[]
}

/** `CreateSchema`'s limit on `Content`. */
export const maxSchemaContent = 100_000

export const eventBridgeSchema = (event: ContractEvent, context: ContractContext, parts = asValues): JsonSchema =>
  schemaDocument('draft-04', event, eventBridgeEventSchema(event, context, 'draft-04', parts))

/** Keyed by schema name (`<source>@<EventName>`). */
export const eventBridgeSchemas = (contracts: ContractModel) => eachEvent(contracts, eventBridgeSchema)

/** Keyed by schema name: a complete example event for each, valid against its schema. */
export const eventBridgeExamples = (contracts: ContractModel) => eachEvent(contracts, exampleEventBridgeEvent)

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Makes the `Content` of a schema: `eventBridgeSchema` for `JSONSchemaDraft4`, an OpenAPI document for `OpenApi3`. */
export type SchemaContent = (event: ContractEvent, context: ContractContext, parts?: SharedParts) => JsonSchema

export function eventBridgeManifest(contracts: ContractModel, type: CreateSchemaInput['Type'] = 'JSONSchemaDraft4', content: SchemaContent = eventBridgeSchema): EventBridgeManifest {
  const withEvents = contracts.contexts.filter((context) => context.events.length > 0)
  return {
    registries: withEvents.map((context) => ({
      RegistryName: context.registryName,
      Description: clip(context.description || `Events of ${context.name}, from the EventStorming board ${contracts.board.name}.`, 256),
      Tags: { context: context.slug, ...(context.team ? { team: clip(context.team, 256) } : {}) },
    })),
    schemas: withEvents.flatMap((context) =>
      context.events.map((event) => ({
        RegistryName: context.registryName,
        SchemaName: event.schemaName,
        Type: type,
        Content: eventJson(event, content, context),
        Description: clip(event.description || `${event.text.trim() || event.name}, published by ${event.service} in ${context.name}.`, 256),
        Tags: { context: context.slug, version: event.version, severity: event.severity },
      })),
    ),
  }
}

/** One `aws schemas` command per call, for the bundle's README and a script. */
export function createSchemaCommands(manifest: EventBridgeManifest, folder: string): string[] {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`
  return [
    ...manifest.registries.map((r) => `aws schemas create-registry --registry-name ${quote(r.RegistryName)} --description ${quote(r.Description)}`),
    ...manifest.schemas.map(
      (s) =>
        `aws schemas create-schema --registry-name ${quote(s.RegistryName)} --schema-name ${quote(s.SchemaName)} --type ${s.Type} --description ${quote(s.Description)} --content file://${folder}/${s.SchemaName}.json`,
    ),
  ]
}

/** The schemas, an example event for each, and the calls that load them, under `folder`: one bundle per schema type. */
export function eventBridgeFiles(contracts: ContractModel, folder = 'eventbridge', type: CreateSchemaInput['Type'] = 'JSONSchemaDraft4', content: SchemaContent = eventBridgeSchema): ExportFile[] {
  // Built when the first of its two files is written, for both.
  let made: EventBridgeManifest | undefined
  const manifest = () => (made ??= eventBridgeManifest(contracts, type, content))
  // The manifest's `Content`, the budget check and these files share one text per schema and per example.
  const eachEventFile = (subfolder: string, make: EventDocument) =>
    contracts.contexts.flatMap((context) => context.events.map((event) => jsonFile(`${folder}/${subfolder}/${event.schemaName}.json`, () => eventJson(event, make, context))))
  return [
    ...eachEventFile('schemas', content),
    ...eachEventFile('examples', exampleEventBridgeEvent),
    // Each call serialised on its own: the manifest is megabytes, none of its pieces is.
    jsonFile(`${folder}/manifest.json`, () => jsonPieces({ ...manifest(), schemas: manifest().schemas.map((schema) => new JsonText(JSON.stringify(schema))) })),
    { path: `${folder}/create-schemas.sh`, content: () => ['#!/bin/sh', 'set -e', 'cd "$(dirname "$0")"', ...createSchemaCommands(manifest(), 'schemas'), ''].join('\n') },
  ]
}
