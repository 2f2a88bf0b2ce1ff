import { describe, expect, test } from 'vitest'
import { addField, moveField, parseEnumValues, removeField, updateField } from './contractEdits.ts'
import { emptyContract, eventContractValidator } from './eventContract.ts'

describe('editing an event contract', () => {
  test('fields are added, changed, reordered and removed, and the contract stays valid', () => {
    let contract = addField(addField(emptyContract(), 'f1'), 'f2')
    contract = updateField(contract, 'f1', { name: 'orderId', description: 'The order' })
    contract = updateField(contract, 'f2', { name: 'status', type: 'enum', enumValues: parseEnumValues('placed, paid,, placed ,shipped') })
    expect(contract.fields.map((f) => f.name)).toEqual(['orderId', 'status'])
    expect(contract.fields[1]!.enumValues).toEqual(['placed', 'paid', 'shipped'])

    contract = moveField(contract, 'f2', -1)
    expect(contract.fields.map((f) => f.id)).toEqual(['f2', 'f1'])
    expect(moveField(contract, 'f2', -1)).toBe(contract)

    contract = removeField(contract, 'f1')
    expect(contract.fields.map((f) => f.id)).toEqual(['f2'])
    expect(() => eventContractValidator.validate(contract)).not.toThrow()
  })

  test('changing a field away from enum drops its values', () => {
    let contract = addField(emptyContract(), 'f1')
    contract = updateField(contract, 'f1', { type: 'enum', enumValues: ['a', 'b'] })
    contract = updateField(contract, 'f1', { type: 'string' })
    expect(contract.fields[0]!.enumValues).toEqual([])
  })

  test('an array of enums keeps its values', () => {
    let contract = addField(emptyContract(), 'f1')
    contract = updateField(contract, 'f1', { type: 'array', itemType: 'enum', enumValues: ['gift', 'express'] })
    expect(contract.fields[0]!.enumValues).toEqual(['gift', 'express'])
  })
})
