import type { ArrayItemType } from '../board/eventContract.ts'
import type { ContractEvent, ContractField } from './contractModel.ts'
import { perEvent } from './perEvent.ts'

/** A JSON Schema (or an OpenAPI 3.0 schema object) as plain data. */
export type JsonSchema = { [keyword: string]: unknown }

/**
 * Which schema language a document speaks. The field schemas differ only in
 * how examples are written: draft-07 has `examples`, OpenAPI 3.0 `example`,
 * and draft-04 neither (the example event travels beside the schema).
 */
export type Dialect = 'draft-04' | 'draft-07' | 'openapi-3.0'

export const schemaUri: Record<Exclude<Dialect, 'openapi-3.0'>, string> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
}

/** A schema that stands alone as a file or a registry entry: its dialect, the event's name and description, then `schema`. */
export const schemaDocument = (dialect: keyof typeof schemaUri, event: ContractEvent, schema: JsonSchema): JsonSchema => ({
  $schema: schemaUri[dialect],
  title: event.name,
  ...(event.description ? { description: event.description } : {}),
  ...schema,
})

/** The event's `data`: its fields from the contract panel. Objects stay open, so a new optional field breaks no reader. */
export const dataSchema = (event: ContractEvent, dialect: Dialect): JsonSchema => dataSchemaIn(event, dialectOf(event, dialect))

const dataSchemaIn = perEvent((event: ContractEvent, dialect: Dialect): JsonSchema => ({ ...objectSchema(event.fields, dialect), ...(event.description ? { description: event.description } : {}) }))

/** Whether a field, or one inside it, has an example written: only those make the dialects' schemas differ. */
const hasExample = (fields: readonly ContractField[]): boolean => fields.some((field) => field.example.trim() !== '' || hasExample(field.fields))

/** Per event, whether it has examples: asked each time one of its schemas is made, a dozen times an event in a bundle. */
const withExamples = new WeakMap<ContractEvent, boolean>()

/**
 * The dialect whose schemas an event's are in `dialect`: the dialects write
 * examples differently and agree on all else, so an event without examples
 * has one data schema (made and serialised once) for all of them.
 */
export function dialectOf(event: ContractEvent, dialect: Dialect): Dialect {
  let examples = withExamples.get(event)
  if (examples === undefined) withExamples.set(event, (examples = hasExample(event.fields)))
  return examples ? dialect : 'draft-07'
}

export function objectSchema(fields: readonly ContractField[], dialect: Dialect): JsonSchema {
  const required = fields.filter((f) => f.required).map((f) => f.name)
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field, dialect)])),
    // Draft-04 forbids an empty `required`.
    ...(required.length > 0 ? { required } : {}),
  }
}

function fieldSchema(field: ContractField, dialect: Dialect): JsonSchema {
  const schema: JsonSchema =
    field.type === 'array' ? { type: 'array', items: valueSchema(field.itemType, field, dialect) } : valueSchema(field.type, field, dialect)
  if (field.description) schema.description = field.description
  if (field.sensitivity !== 'none') schema['x-sensitivity'] = field.sensitivity
  const example = field.example.trim() === '' ? undefined : exampleValue(field)
  if (example !== undefined && dialect === 'draft-07') schema.examples = [example]
  if (example !== undefined && dialect === 'openapi-3.0') schema.example = example
  return schema
}

function valueSchema(type: ArrayItemType, field: ContractField, dialect: Dialect): JsonSchema {
  switch (type) {
    case 'date-time':
      return { type: 'string', format: 'date-time' }
    case 'enum':
      return { type: 'string', enum: field.enumValues }
    case 'object':
      return objectSchema(field.fields, dialect)
    default:
      return { type }
  }
}

/** A value for the field: its written example when it fits the type, else a plain one. Deterministic. */
export function exampleValue(field: ContractField): unknown {
  if (field.type === 'array') return [itemExample(field.itemType, field)]
  return itemExample(field.type, field)
}

export const exampleTime = '2026-01-01T09:00:00Z'

function itemExample(type: ArrayItemType, field: ContractField): unknown {
  const written = field.example.trim()
  switch (type) {
    case 'string':
      return written || field.name
    case 'number':
      return written !== '' && Number.isFinite(Number(written)) ? Number(written) : 1.5
    case 'integer':
      return written !== '' && Number.isSafeInteger(Number(written)) ? Number(written) : 1
    case 'boolean':
      return written === 'false' ? false : true
    case 'date-time':
      return isDateTime(written) ? written : exampleTime
    case 'enum':
      return field.enumValues.includes(written) ? written : field.enumValues[0]
    case 'object':
      return exampleData(field.fields)
  }
}

/** RFC 3339 date-time, as ajv-formats checks it. */
const isDateTime = (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(text) && !Number.isNaN(Date.parse(text))

/** An example `data` object: every field, optional ones too, so a reader sees the whole contract. */
export function exampleData(fields: readonly ContractField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, exampleValue(field)]))
}
