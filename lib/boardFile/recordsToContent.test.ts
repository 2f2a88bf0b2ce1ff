import { createBindingId, createShapeId, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { elementKindDefinitions, elementKinds } from '../board/elementKinds.ts'
import { emptyContract, newField } from '../board/eventContract.ts'
import type { BoardContent } from './boardContent.ts'
import { docToRecords, recordsToDoc } from '../ydoc/convert.ts'
import { boardFileName, toBoardFile } from './boardFile.ts'
import { contentToRecords } from './contentToRecords.ts'
import { readFixture } from './fixtures.ts'
import { readBoardFile } from './readBoardFile.ts'
import { recordsToContent } from './recordsToContent.ts'

/** A board using every part of the format, each element written out in full as export writes it. */
const checkout: BoardContent = {
  name: 'Checkout',
  level: 'design',
  elements: [
    ...elementKinds.map((kind, i) => {
      const { w, h, example } = elementKindDefinitions[kind]
      const element = { id: `${kind}-1`, kind, text: example, x: i * 200, y: 100, w, h, pivotal: false, resolved: kind === 'hotspot' }
      return kind === 'event' ? { ...element, contract: emptyContract() } : element
    }),
    {
      id: 'order-placed',
      kind: 'event',
      text: 'Order Placed',
      x: 0,
      y: 400,
      w: 160,
      h: 160,
      pivotal: true,
      resolved: false,
      contract: {
        description: 'A customer placed an order.',
        version: 2,
        producer: 'Order',
        fields: [
          { ...newField('f1', 'orderId'), sensitivity: 'internal' },
          { ...newField('f2', 'status'), type: 'enum', enumValues: ['new', 'paid'] },
          {
            ...newField('f3', 'customer'),
            type: 'object',
            fields: [{ ...newField('f4', 'address'), type: 'object', fields: [{ ...newField('f5', 'email'), sensitivity: 'pii', example: 'a@b.example' }] }],
          },
          { ...newField('f6', 'lines'), type: 'array', itemType: 'object', fields: [{ ...newField('f7', 'sku'), required: false }] },
        ],
      },
    },
  ],
  contexts: [{ id: 'ordering', name: 'Ordering', source: 'com.acme.orders', team: 'Checkout', description: 'Takes orders.', x: -50, y: 50, w: 1200, h: 600 }],
  lanes: [{ id: 'lane-customer', label: 'Customer', x: -100, y: 0, w: 2400, h: 260 }],
  boundaries: [{ id: 'paid', label: 'Payment taken', x: 900, y: -100, h: 1200 }],
  labels: [{ id: 'title', text: 'CHECKOUT', x: 0, y: -80, w: 320 }],
  flows: [
    { id: 'places', from: 'command-1', to: 'order-placed' },
    { id: 'triggers', from: 'order-placed', to: 'policy-1' },
  ],
}

/** Content → records → Y.Doc → records → content → file text → read, as export then import does it. */
function roundTrip(content: BoardContent): BoardContent {
  const records = docToRecords(recordsToDoc(contentToRecords(content)))
  return readBoardFile(JSON.parse(JSON.stringify(toBoardFile(recordsToContent(records, content.name)))))
}

const shapeOf = (records: TLRecord[], id: string) => records.find((r): r is TLShape => r.typeName === 'shape' && r.id === createShapeId(id))!

describe('exporting a board', () => {
  test('a board written out and read back is the same board', () => {
    expect(roundTrip(checkout)).toEqual(checkout)
  })

  test('both EventStormer sample boards survive export and import unchanged', () => {
    for (const name of ['eventstorming-facilitation-workshop', 'process-modelling-grammar'] as const) {
      const imported = readBoardFile(readFixture(name))
      const again = roundTrip(imported)
      // Export writes the sizes and flags the EventStormer import left to their defaults.
      const essentials = ({ id, kind, text, x, y }: BoardContent['elements'][number]) => ({ id, kind, text, x, y })
      expect(again.elements.map(essentials)).toEqual(imported.elements.map(essentials))
      expect({ ...again, elements: [] }).toEqual({ ...imported, elements: [], labels: imported.labels.map((l) => ({ ...l, w: 320 })) })
    }
  })

  test('an arrow is a flow only when both its ends are bound to stickies', () => {
    const records = contentToRecords(checkout)
    // Unbind one end of the first flow, and point the second at the context instead of the policy.
    const withoutEnd = records.filter((r) => r.id !== createBindingId('places-end'))
    const retargeted = withoutEnd.map((r) => (r.id === createBindingId('triggers-end') ? { ...r, toId: createShapeId('ordering') } : r))
    expect(recordsToContent(retargeted, 'Checkout').flows).toEqual([])
  })

  test('a sticky inside a rotated group is exported where it sits on the page', () => {
    const records = contentToRecords(checkout)
    const group = { ...shapeOf(records, 'title'), id: createShapeId('group'), type: 'group', x: 1000, y: 500, rotation: Math.PI / 2, props: {} } as TLShape
    const inGroup = { ...shapeOf(records, 'event-1'), parentId: group.id, x: 100, y: 20 }
    const content = recordsToContent([...records.map((r) => (r.id === inGroup.id ? inGroup : r)), group], 'Checkout')
    const exported = content.elements.find((e) => e.id === 'event-1')!
    expect(exported.x).toBeCloseTo(1000 - 20)
    expect(exported.y).toBeCloseTo(500 + 100)
  })

  test('records that break the board schema, as a rogue client could write them, are left out', () => {
    const records = contentToRecords(checkout)
    const broken = { ...shapeOf(records, 'event-1'), props: { ...shapeOf(records, 'event-1').props, text: 42 } } as unknown as TLRecord
    const cyclic = { ...shapeOf(records, 'command-1'), parentId: createShapeId('command-1') }
    const content = recordsToContent([...records.map((r) => (r.id === broken.id ? broken : r.id === cyclic.id ? cyclic : r)), null as unknown as TLRecord], 'Checkout')
    expect(content.elements.map((e) => e.id)).not.toContain('event-1')
    expect(content.elements.find((e) => e.id === 'command-1')).toMatchObject({ x: 200, y: 100 })
  })

  test('a board that was never opened exports as an empty board', () => {
    expect(recordsToContent([], 'Blank')).toEqual({ name: 'Blank', level: 'big-picture', elements: [], contexts: [], lanes: [], boundaries: [], labels: [], flows: [] })
  })

  test('the download is named after the board in safe characters', () => {
    expect(boardFileName('Checkout workshop')).toBe('checkout-workshop.eventstorm.json')
    expect(boardFileName('Café "Zürich" / Q3 ../..')).toBe('cafe-zurich-q3.eventstorm.json')
    expect(boardFileName('日本語')).toBe('board.eventstorm.json')
  })
})
