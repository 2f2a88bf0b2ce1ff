import { type ContractContext, type ContractEvent, type ContractModel, eachEvent } from '../contractModel.ts'
import { type JsonSchema, schemaDocument } from '../dataSchema.ts'
import { detailSchema } from '../eventEnvelope.ts'
import { type ExportFile, eventJsonFiles } from '../exportFiles.ts'

/**
 * Confluent Schema Registry (and registries speaking its API): per domain
 * event the body of `POST /subjects/<subject>/versions`, a draft-07 schema of
 * the detail (metadata and data), which is what goes on the topic.
 */

/** What `POST /subjects/{subject}/versions` takes. */
export interface RegisterSchemaRequest {
  schemaType: 'JSON'
  /** The schema itself, as text. */
  schema: string
}

export interface SubjectVersion {
  subject: string
  body: RegisterSchemaRequest
}

/**
 * `<source>.<EventName>`: one subject per event type whatever topic carries
 * it, as RecordNameStrategy gives, and only [A-Za-z0-9.-], so the path needs
 * no encoding. The schema's title is the same, and RecordNameStrategy reads a
 * JSON schema's record name from its title, so clients find the subject alone.
 * No `$id`: the registry names the schema by subject and version, and an id
 * would have to be a URL nobody serves. The producer and severity are
 * `annotated`, not enums, so the registry accepts a new producing service or
 * severity as a new version under its compatibility modes.
 */
export function confluentSchema(event: ContractEvent, context: ContractContext): JsonSchema {
  return { ...schemaDocument('draft-07', event, detailSchema(event, context, 'draft-07', 'annotated')), title: event.qualifiedName }
}

const request = (event: ContractEvent, context: ContractContext): RegisterSchemaRequest => ({ schemaType: 'JSON', schema: JSON.stringify(confluentSchema(event, context)) })

const subject = (event: ContractEvent) => event.qualifiedName

/** Keyed by subject. */
export const confluentRequests = (contracts: ContractModel) => eachEvent(contracts, request, subject)

/** What a publisher posts, in timeline order. */
export const confluentSubjectVersions = (contracts: ContractModel): SubjectVersion[] =>
  Object.entries(confluentRequests(contracts)).map(([subject, body]) => ({ subject, body }))

export function confluentFiles(contracts: ContractModel): ExportFile[] {
  const post = (event: ContractEvent) =>
    `curl --fail --silent --show-error --write-out '\\n' -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data-binary @${subject(event)}.json "$SCHEMA_REGISTRY_URL/subjects/${subject(event)}/versions"`
  const script = () => ['#!/bin/sh', 'set -e', 'cd "$(dirname "$0")"', ': "${SCHEMA_REGISTRY_URL:=http://localhost:8081}"', ...contracts.contexts.flatMap((context) => context.events.map(post)), ''].join('\n')
  return [...eventJsonFiles('confluent', contracts, request, subject), { path: 'confluent/register-schemas.sh', content: script }]
}
