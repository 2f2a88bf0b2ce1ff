import type { ContractContext, ContractEvent, ContractModel } from '../contractModel.ts'
import { type JsonSchema, schemaUri } from '../dataSchema.ts'
import { eventBridgeEventSchema, exampleEventBridgeEvent } from '../eventEnvelope.ts'
import { type ExportFile, jsonFiles, jsonText } from '../exportFiles.ts'

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

const eachEvent = <T>(contracts: ContractModel, make: (event: ContractEvent, context: ContractContext) => T): Record<string, T> =>
  Object.fromEntries(contracts.contexts.flatMap((context) => context.events.map((event) => [event.schemaName, make(event, context)])))

export function eventBridgeSchema(event: ContractEvent, context: ContractContext): JsonSchema {
  return {
    $schema: schemaUri['draft-04'],
    title: event.name,
    ...(event.description ? { description: event.description } : {}),
    ...eventBridgeEventSchema(event, context, 'draft-04'),
  }
}

/** Keyed by schema name (`<source>@<EventName>`). */
export const eventBridgeSchemas = (contracts: ContractModel) => eachEvent(contracts, eventBridgeSchema)

/** Keyed by schema name: a complete example event for each, valid against its schema. */
export const eventBridgeExamples = (contracts: ContractModel) => eachEvent(contracts, exampleEventBridgeEvent)

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

export function eventBridgeManifest(contracts: ContractModel, type: CreateSchemaInput['Type'] = 'JSONSchemaDraft4', content = eventBridgeSchema): EventBridgeManifest {
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
        Content: JSON.stringify(content(event, context)),
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

export function eventBridgeFiles(contracts: ContractModel): ExportFile[] {
  const manifest = eventBridgeManifest(contracts)
  return [
    ...jsonFiles('eventbridge/schemas', eventBridgeSchemas(contracts)),
    ...jsonFiles('eventbridge/examples', eventBridgeExamples(contracts)),
    { path: 'eventbridge/manifest.json', content: jsonText(manifest) },
    { path: 'eventbridge/create-schemas.sh', content: ['#!/bin/sh', 'set -e', 'cd "$(dirname "$0")"', ...createSchemaCommands(manifest, 'schemas'), ''].join('\n') },
  ]
}
