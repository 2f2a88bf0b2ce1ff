import { type EventContract, type EventField, newField } from './eventContract.ts'
import { limits } from './limits.ts'

/** Edits of an event's contract as pure functions: the panel calls them, the store syncs the result. */

export function addField(contract: EventContract, id: string): EventContract {
  if (contract.fields.length >= limits.fieldsPerEvent) return contract
  return { ...contract, fields: [...contract.fields, newField(id)] }
}

export function updateField(contract: EventContract, id: string, change: Partial<Omit<EventField, 'id'>>): EventContract {
  return { ...contract, fields: contract.fields.map((field) => (field.id === id ? normalise({ ...field, ...change }) : field)) }
}

export function removeField(contract: EventContract, id: string): EventContract {
  return { ...contract, fields: contract.fields.filter((field) => field.id !== id) }
}

export function moveField(contract: EventContract, id: string, offset: -1 | 1): EventContract {
  const from = contract.fields.findIndex((field) => field.id === id)
  const to = from + offset
  if (from < 0 || to < 0 || to >= contract.fields.length) return contract
  const fields = [...contract.fields]
  ;[fields[from], fields[to]] = [fields[to]!, fields[from]!]
  return { ...contract, fields }
}

/** "a, b , ,c" → ["a", "b", "c"], as people type enum values. */
export function parseEnumValues(text: string): string[] {
  return [...new Set(text.split(',').map((value) => value.trim()).filter(Boolean))].slice(0, limits.enumValues)
}

/** A field whose type no longer uses enum values or nested fields keeps them out of its contract. */
function normalise(field: EventField): EventField {
  const usesEnum = field.type === 'enum' || (field.type === 'array' && field.itemType === 'enum')
  const usesFields = field.type === 'object' || (field.type === 'array' && field.itemType === 'object')
  return { ...field, enumValues: usesEnum ? field.enumValues : [], fields: usesFields ? field.fields : [] }
}
