import { describe, expect, test } from 'vitest'
import { addField, moveField, parseEnumValues, removeField, updateField } from './contractEdits.ts'
import { emptyContract, eventContractValidator } from './eventContract.ts'
import { limits } from './limits.ts'

describe('editing an event contract', () => {
  test('fields are added, changed, reordered and removed, and the contract stays valid', () => {
    let contract = addField(addField(emptyContract(), 'f1'), 'f2')
    contract = updateField(contract, ['f1'], { name: 'orderId', description: 'The order' })
    contract = updateField(contract, ['f2'], { name: 'status', type: 'enum', enumValues: parseEnumValues('placed, paid,, placed ,shipped') })
    expect(contract.fields.map((f) => f.name)).toEqual(['orderId', 'status'])
    expect(contract.fields[1]!.enumValues).toEqual(['placed', 'paid', 'shipped'])

    contract = moveField(contract, ['f2'], -1)
    expect(contract.fields.map((f) => f.id)).toEqual(['f2', 'f1'])
    expect(moveField(contract, ['f2'], -1).fields).toEqual(contract.fields)

    contract = removeField(contract, ['f1'])
    expect(contract.fields.map((f) => f.id)).toEqual(['f2'])
    expect(() => eventContractValidator.validate(contract)).not.toThrow()
  })

  test('an object field holds nested fields, edited by their path', () => {
    let contract = addField(emptyContract(), 'address')
    contract = updateField(contract, ['address'], { name: 'shippingAddress', type: 'object' })
    contract = addField(addField(contract, 'street', ['address']), 'city', ['address'])
    contract = updateField(contract, ['address', 'city'], { name: 'city', sensitivity: 'pii' })
    contract = moveField(contract, ['address', 'city'], -1)
    expect(contract.fields[0]!.fields.map((f) => [f.id, f.name, f.sensitivity])).toEqual([
      ['city', 'city', 'pii'],
      ['street', '', 'none'],
    ])
    contract = removeField(contract, ['address', 'street'])
    expect(contract.fields[0]!.fields.map((f) => f.id)).toEqual(['city'])
    expect(() => eventContractValidator.validate(contract)).not.toThrow()
  })

  test('nesting stops at the depth limit, and the deepest contract is still valid', () => {
    let contract = emptyContract()
    const path: string[] = []
    for (let depth = 0; depth < limits.fieldDepth + 2; depth++) {
      const id = `level${depth}`
      contract = addField(contract, id, path)
      if (path.length < limits.fieldDepth) contract = updateField(contract, [...path, id], { type: 'object' })
      path.push(id)
    }
    let deepest = contract.fields[0]!
    let depth = 1
    while (deepest.fields[0]) {
      deepest = deepest.fields[0]
      depth++
    }
    expect(depth).toBe(limits.fieldDepth)
    expect(() => eventContractValidator.validate(contract)).not.toThrow()
  })

  test('changing a field away from enum or object drops its values and nested fields', () => {
    let contract = addField(emptyContract(), 'f1')
    contract = updateField(contract, ['f1'], { type: 'enum', enumValues: ['a', 'b'] })
    contract = updateField(contract, ['f1'], { type: 'string' })
    expect(contract.fields[0]!.enumValues).toEqual([])
    contract = updateField(contract, ['f1'], { type: 'object' })
    contract = addField(contract, 'inner', ['f1'])
    contract = updateField(contract, ['f1'], { type: 'number' })
    expect(contract.fields[0]!.fields).toEqual([])
  })

  test('an array of enums keeps its values', () => {
    let contract = addField(emptyContract(), 'f1')
    contract = updateField(contract, ['f1'], { type: 'array', itemType: 'enum', enumValues: ['gift', 'express'] })
    expect(contract.fields[0]!.enumValues).toEqual(['gift', 'express'])
  })
})
