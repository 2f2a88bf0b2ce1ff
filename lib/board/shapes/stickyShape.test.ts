import { describe, expect, test } from 'vitest'
import { newField } from '../eventContract.ts'
import { defaultStickyProps, isBlankSticky } from './stickyShape.ts'

describe('a blank sticky', () => {
  test('is one with no text (spaces and new lines count as none) and nothing else filled in', () => {
    expect(isBlankSticky(defaultStickyProps('event'))).toBe(true)
    expect(isBlankSticky({ ...defaultStickyProps('command'), text: '  \n ' })).toBe(true)
  })

  test('is not one with text, or whose contract, pivotal mark or resolution someone filled in', () => {
    const event = defaultStickyProps('event')
    expect(isBlankSticky({ ...event, text: 'Order Placed' })).toBe(false)
    expect(isBlankSticky({ ...event, contract: { ...event.contract, fields: [newField('f1', 'orderId')] } })).toBe(false)
    expect(isBlankSticky({ ...event, contract: { ...event.contract, description: 'A customer ordered' } })).toBe(false)
    expect(isBlankSticky({ ...event, pivotal: true })).toBe(false)
    expect(isBlankSticky({ ...defaultStickyProps('hotspot'), resolved: true })).toBe(false)
  })
})
