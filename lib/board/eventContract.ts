import { T } from '@tldraw/validate'
import { boundedString, limits } from './limits.ts'

/**
 * What a domain event carries, edited on the board and exported as its
 * contract: a versioned description and a table of data fields.
 */
export const fieldTypes = ['string', 'number', 'integer', 'boolean', 'date-time', 'enum', 'object', 'array'] as const
export type FieldType = (typeof fieldTypes)[number]

/** An array holds items of any type but another array. */
export const arrayItemTypes = ['string', 'number', 'integer', 'boolean', 'date-time', 'enum', 'object'] as const
export type ArrayItemType = (typeof arrayItemTypes)[number]

export const sensitivities = ['none', 'internal', 'pii', 'secret'] as const
export type Sensitivity = (typeof sensitivities)[number]

export interface EventField {
  id: string
  name: string
  type: FieldType
  /** For arrays: the type of their items. */
  itemType: ArrayItemType
  /** For enums (and arrays of enums). */
  enumValues: string[]
  /** For objects (and arrays of objects). */
  fields: EventField[]
  required: boolean
  description: string
  example: string
  sensitivity: Sensitivity
}

export interface EventContract {
  description: string
  version: number
  /** The aggregate or context that produces the event; empty to take it from the board. */
  producer: string
  fields: EventField[]
}

export function emptyContract(): EventContract {
  return { description: '', version: 1, producer: '', fields: [] }
}

export function newField(id: string, name = ''): EventField {
  return { id, name, type: 'string', itemType: 'string', enumValues: [], fields: [], required: true, description: '', example: '', sensitivity: 'none' }
}

function fieldList(depth: number): T.Validator<EventField[]> {
  // Made on first use, once: validation runs on every record of every update, and of every board an export reads.
  let items: T.Validator<EventField[]> | undefined
  return new T.Validator((value) => {
    // The deepest fields may still carry their (empty) list of nested fields.
    if (depth > limits.fieldDepth) {
      if (Array.isArray(value) && value.length === 0) return value as EventField[]
      throw new Error(`fields nest at most ${limits.fieldDepth} deep`)
    }
    items ??= T.arrayOf(fieldValidator(depth))
    const fields = items.validate(value)
    if (fields.length > limits.fieldsPerEvent) throw new Error(`at most ${limits.fieldsPerEvent} fields`)
    return fields
  })
}

function fieldValidator(depth: number): T.Validator<EventField> {
  return T.object({
    id: boundedString(64),
    name: boundedString(limits.name),
    type: T.literalEnum(...fieldTypes),
    itemType: T.literalEnum(...arrayItemTypes),
    enumValues: T.arrayOf(boundedString(limits.name)).check((values) => {
      if (values.length > limits.enumValues) throw new Error(`at most ${limits.enumValues} enum values`)
    }),
    fields: fieldList(depth + 1),
    required: T.boolean,
    description: boundedString(limits.description),
    example: boundedString(limits.description),
    sensitivity: T.literalEnum(...sensitivities),
  })
}

export const eventFieldsValidator = fieldList(1)

export const eventContractValidator: T.Validator<EventContract> = T.object({
  description: boundedString(limits.description),
  version: T.integer.check((version) => {
    if (version < 1) throw new Error('version starts at 1')
  }),
  producer: boundedString(limits.name),
  fields: eventFieldsValidator,
})
