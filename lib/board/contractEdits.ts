import { type EventContract, type EventField, newField } from './eventContract.ts'
import { limits } from './limits.ts'

/**
 * Edits of an event's contract as pure functions: the panel calls them, the
 * store syncs the result. A field is named by its path of ids, outermost
 * first, so nested fields of objects are edited like top-level ones.
 */
export type FieldPath = readonly string[]

/** Applies a change to the list of fields that holds `parent`'s children (the top level for []). */
function withFieldList(contract: EventContract, parent: FieldPath, change: (fields: EventField[]) => EventField[]): EventContract {
  const inList = (fields: EventField[], path: FieldPath): EventField[] => {
    if (path.length === 0) return change(fields)
    const [head, ...rest] = path
    return fields.map((field) => (field.id === head ? { ...field, fields: inList(field.fields, rest) } : field))
  }
  return { ...contract, fields: inList(contract.fields, parent) }
}

const parentOf = (path: FieldPath) => path.slice(0, -1)
const idOf = (path: FieldPath) => path[path.length - 1]

export function addField(contract: EventContract, id: string, parent: FieldPath = []): EventContract {
  if (parent.length >= limits.fieldDepth) return contract
  return withFieldList(contract, parent, (fields) => (fields.length >= limits.fieldsPerEvent ? fields : [...fields, newField(id)]))
}

export function updateField(contract: EventContract, path: FieldPath, change: Partial<Omit<EventField, 'id'>>): EventContract {
  return withFieldList(contract, parentOf(path), (fields) => fields.map((field) => (field.id === idOf(path) ? normalise({ ...field, ...change }) : field)))
}

export function removeField(contract: EventContract, path: FieldPath): EventContract {
  return withFieldList(contract, parentOf(path), (fields) => fields.filter((field) => field.id !== idOf(path)))
}

export function moveField(contract: EventContract, path: FieldPath, offset: -1 | 1): EventContract {
  return withFieldList(contract, parentOf(path), (fields) => {
    const from = fields.findIndex((field) => field.id === idOf(path))
    const to = from + offset
    if (from < 0 || to < 0 || to >= fields.length) return fields
    const moved = [...fields]
    ;[moved[from], moved[to]] = [moved[to]!, moved[from]!]
    return moved
  })
}

/** "a, b , ,c" → ["a", "b", "c"], as people type enum values. */
export function parseEnumValues(text: string): string[] {
  return [...new Set(text.split(',').map((value) => value.trim()).filter(Boolean))].slice(0, limits.enumValues)
}

export function usesEnumValues(field: Pick<EventField, 'type' | 'itemType'>): boolean {
  return field.type === 'enum' || (field.type === 'array' && field.itemType === 'enum')
}

export function usesNestedFields(field: Pick<EventField, 'type' | 'itemType'>): boolean {
  return field.type === 'object' || (field.type === 'array' && field.itemType === 'object')
}

/** A field whose type no longer uses enum values or nested fields keeps them out of its contract. */
function normalise(field: EventField): EventField {
  return { ...field, enumValues: usesEnumValues(field) ? field.enumValues : [], fields: usesNestedFields(field) ? field.fields : [] }
}
