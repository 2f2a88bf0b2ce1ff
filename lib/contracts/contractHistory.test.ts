import { describe, expect, test } from 'vitest'
import type { EventField } from '../board/eventContract.ts'
import { compareWithHistory, snapshotOf } from './contractHistory.ts'
import { contextArea, contractsOf, event, field } from './testing.ts'

const orders = (fields: EventField[], text = 'Order Placed', extra: Parameters<typeof event>[4] = {}) =>
  contractsOf({ contexts: [contextArea('orders', 'Orders', 0, { source: 'com.shop.orders' })], elements: [event('placed', text, 100, fields, extra)] })

/** Exports each board in turn, as the board's history records them; the report and versions of the last. */
function exportInTurn(boards: ReturnType<typeof orders>[], mode: Parameters<typeof compareWithHistory>[2] = 'BACKWARD') {
  const history = []
  let last
  for (const board of boards) {
    last = compareWithHistory(history, board, mode)
    history.push(snapshotOf(last.contracts))
  }
  return { ...last!, versions: last!.contracts.contexts.flatMap((c) => c.events.map((e) => e.version)) }
}

const name = 'com.shop.orders@OrderPlaced'

describe('contracts across exports', () => {
  test('a first export takes each event’s version from its contract panel and reports every event as new', () => {
    const { report, versions } = exportInTurn([orders([field('orderId')], 'Order Placed', { contract: { description: '', version: 3, producer: '', fields: [field('orderId')] } })])
    expect(versions).toEqual(['3.0.0'])
    expect(report).toMatchObject({ previousExports: 0, compatible: true, events: [{ schemaName: name, status: 'added', from: null, to: '3.0.0' }] })
  })

  test('an unchanged board exports the same versions and reports nothing changed', () => {
    const { report, versions } = exportInTurn([orders([field('orderId')]), orders([field('orderId')])])
    expect(versions).toEqual(['1.0.0'])
    expect(report.events).toEqual([expect.objectContaining({ status: 'unchanged', from: '1.0.0', to: '1.0.0', changes: [] })])
  })

  test('a new optional field is a minor version that breaks nobody', () => {
    const { report, versions } = exportInTurn([orders([field('orderId')]), orders([field('orderId'), field('coupon', { required: false })])])
    expect(versions).toEqual(['1.1.0'])
    expect(report).toMatchObject({ compatible: true, events: [{ status: 'changed', from: '1.0.0', to: '1.1.0' }] })
  })

  test('a new required field breaks BACKWARD: a major version, reported with the field and why', () => {
    const { report, versions } = exportInTurn([orders([field('orderId')]), orders([field('orderId'), field('currency')])])
    expect(versions).toEqual(['2.0.0'])
    expect(report.compatible).toBe(false)
    expect(report.events[0]!.breaking.map((c) => c.path)).toEqual(['currency'])
    expect(report.events[0]!.breaking[0]!.message).toMatch(/currency .*required.*events already published lack it/)
  })

  test('the same change is compatible under FORWARD, and still a major version: the version speaks to every consumer', () => {
    const { report, versions } = exportInTurn([orders([field('orderId')]), orders([field('orderId'), field('currency')])], 'FORWARD')
    expect(report.compatible).toBe(true)
    expect(versions).toEqual(['2.0.0'])
  })

  test('a renamed event is recognised by its sticky, and breaks its consumers', () => {
    const { report, versions } = exportInTurn([orders([field('orderId')]), orders([field('orderId')], 'Order Submitted')])
    expect(versions).toEqual(['2.0.0'])
    expect(report.events).toEqual([
      expect.objectContaining({ schemaName: 'com.shop.orders@OrderSubmitted', status: 'renamed', previousName: name, from: '1.0.0', to: '2.0.0', compatible: false }),
    ])
  })

  test('a removed event is reported as breaking; under NONE nothing is', () => {
    const empty = contractsOf({ contexts: [contextArea('orders', 'Orders', 0, { source: 'com.shop.orders' })] })
    expect(exportInTurn([orders([field('orderId')]), empty]).report).toMatchObject({ compatible: false, events: [{ schemaName: name, status: 'removed', to: null }] })
    expect(exportInTurn([orders([field('orderId')]), empty], 'NONE').report.compatible).toBe(true)
  })

  test('transitive modes check every earlier export: a field removed and added back as another type breaks the first', () => {
    const boards = [orders([field('orderId'), field('total', { type: 'number', required: false })]), orders([field('orderId')]), orders([field('orderId'), field('total', { required: false })])]
    expect(exportInTurn(boards, 'FULL').report.compatible).toBe(true)
    const transitive = exportInTurn(boards, 'FULL_TRANSITIVE').report
    expect(transitive.compatible).toBe(false)
    expect(transitive.events[0]!.breaking.map((c) => c.kind)).toEqual(['type-changed'])
  })

  test('a contract panel version above the history’s wins: a facilitator can declare a new major version', () => {
    const bumped = orders([field('orderId')], 'Order Placed', { contract: { description: '', version: 4, producer: '', fields: [field('orderId')] } })
    expect(exportInTurn([orders([field('orderId')]), bumped]).versions).toEqual(['4.0.0'])
  })
})
