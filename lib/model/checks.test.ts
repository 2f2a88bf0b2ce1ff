import { describe, expect, test } from 'vitest'
import { emptyContract, newField } from '../board/eventContract.ts'
import type { BoardContent } from '../boardFile/boardContent.ts'
import { buildBoardModel } from './boardModel.ts'
import { type Finding, checkModel } from './checks.ts'
import { boardRecords, row, sticky } from './testing.ts'

const findingsOn = (content: Partial<BoardContent>) => checkModel(buildBoardModel(boardRecords(content)))
const summary = (findings: Finding[]) => findings.map((f) => `${f.rule}: ${f.elementIds.join(', ')}`)
const context = (id: string, name: string, x: number, w: number) => ({ id, name, source: '', team: '', description: '', x, y: 0, w, h: 600 })

describe('model checks', () => {
  test('an event not in the past tense is reported, and a question on an event is called a question', () => {
    const findings = findingsOn({ elements: row(0, 0, sticky('event', 'Order Placed'), sticky('event', 'Typeform'), sticky('event', 'At what time?')) })
    expect(summary(findings)).toEqual(['event-not-past-tense: typeform', 'event-not-past-tense: at-what-time'])
    expect(findings[0]).toMatchObject({ severity: 'warning', message: '“Typeform” is not in the past tense. Name an event for what happened, like “Order Placed”.' })
    expect(findings[1]?.message).toMatch(/^“At what time\?” is a question\. Put open questions on a hotspot/)
  })

  test('a command that does not read as an instruction is reported', () => {
    const elements = [
      ...row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')),
      ...row(0, 400, sticky('command', 'Order placed', { id: 'placed-command' }), sticky('event', 'Order Confirmed')),
      ...row(0, 800, sticky('command', 'Confirmation'), sticky('event', 'Confirmation Sent')),
    ]
    const findings = findingsOn({ elements })
    expect(summary(findings)).toEqual(['command-not-imperative: placed-command', 'command-not-imperative: confirmation'])
    expect(findings[1]?.message).toBe('“Confirmation” does not read as an instruction. Start a command with its verb, like “Place Order”.')
  })

  test('a command without a resulting event is reported; one that reaches it through its aggregate or an arrow is not', () => {
    const elements = [
      ...row(0, 0, sticky('command', 'Place Order'), sticky('aggregate', 'Order'), sticky('event', 'Order Placed')),
      ...row(0, 400, sticky('command', 'Cancel Order')),
      ...row(2000, 400, sticky('event', 'Order Cancelled')),
      ...row(0, 800, sticky('command', 'Prepare Pizza')),
    ]
    const findings = findingsOn({ elements, flows: [{ id: 'arrow', from: 'cancel-order', to: 'order-cancelled' }] })
    expect(summary(findings)).toEqual(['command-without-event: prepare-pizza'])
    expect(findings[0]?.message).toBe('“Prepare Pizza” has no resulting event. Put the event it causes to its right, or draw an arrow to it.')
  })

  test('an element outside every context is reported only once the board has a context, and only for kinds that live in one', () => {
    const elements = [
      ...row(0, 0, sticky('command', 'Place Order'), sticky('event', 'Order Placed')),
      ...row(1000, 0, sticky('event', 'Parcel Shipped'), sticky('actor', 'Courier'), sticky('externalSystem', 'Tracking'), sticky('hotspot', 'Late?')),
    ]
    const outside = (content: Partial<BoardContent>) => summary(findingsOn(content)).filter((f) => f.startsWith('outside-context'))
    expect(outside({ elements })).toEqual([])
    expect(outside({ elements, contexts: [context('orders', 'Orders', -40, 600)] })).toEqual(['outside-context: parcel-shipped'])
  })

  test('two events with one name in one context are one error, whatever their case and spacing', () => {
    const elements = [
      ...row(0, 0, sticky('event', 'Order Placed', { id: 'first' }), sticky('event', ' order  placed', { id: 'second' })),
      ...row(1000, 0, sticky('event', 'Order Placed', { id: 'elsewhere' })),
    ]
    const findings = findingsOn({ elements, contexts: [context('shop', 'Shop', -40, 600), context('phone', 'Phone orders', 960, 600)] })
    expect(findings).toEqual([
      {
        id: 'duplicate-event:first+second',
        rule: 'duplicate-event',
        severity: 'error',
        message: '2 events in Shop are called “Order Placed”. Merge them, or name them apart: they would export as one contract.',
        elementIds: ['first', 'second'],
      },
    ])
  })

  test('at design level an event with no fields is reported; before it, no event needs fields', () => {
    const contract = { ...emptyContract(), fields: [newField('f1', 'orderId')] }
    const elements = row(0, 0, sticky('event', 'Order Placed', { contract }), sticky('event', 'Order Paid'))
    expect(summary(findingsOn({ elements, level: 'design' }))).toEqual(['event-without-fields: order-paid'])
    expect(findingsOn({ elements, level: 'process' })).toEqual([])
  })

  test('open hotspots are noted; resolved ones are not', () => {
    const findings = findingsOn({ elements: row(0, 0, sticky('hotspot', 'Who refunds?'), sticky('hotspot', 'Which currency?', { resolved: true })) })
    expect(findings).toEqual([
      {
        id: 'open-hotspot:who-refunds',
        rule: 'open-hotspot',
        severity: 'info',
        message: 'Open hotspot: “Who refunds?”. Mark it resolved once it is answered.',
        elementIds: ['who-refunds'],
      },
    ])
  })

  test('a sticky still being written is not reported', () => {
    const elements = row(0, 0, sticky('command', '', { id: 'new-command' }), sticky('event', ' ', { id: 'new-event' }), sticky('hotspot', '', { id: 'new-hotspot' }))
    expect(findingsOn({ elements, level: 'design', contexts: [context('far', 'Far away', 5000, 100)] })).toEqual([])
  })

  test('errors come first, then warnings, then notes', () => {
    const elements = row(0, 0, sticky('hotspot', 'Why?'), sticky('event', 'Typeform'), sticky('event', 'Paid', { id: 'a' }), sticky('event', 'Paid', { id: 'b' }))
    expect(findingsOn({ elements }).map((f) => f.severity)).toEqual(['error', 'warning', 'info'])
  })

  test('a long text is quoted short enough to read in a panel', () => {
    const [finding] = findingsOn({ elements: row(0, 0, sticky('hotspot', `Why ${'very '.repeat(100)}slow?`)) })
    expect(finding?.message).toMatch(/^Open hotspot: “Why very .{40,60}…”\./)
  })
})
