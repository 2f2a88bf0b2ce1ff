import { describe, expect, test } from 'vitest'
import { elementKindDefinitions } from '../board/elementKinds.ts'
import { stickyShapeType } from '../board/shapes/stickyShape.ts'
import { bindStoreToDoc } from '../sync/storeBinding.ts'
import { createTestStore } from '../sync/testStores.ts'
import { docToRecords, recordsToDoc } from '../ydoc/convert.ts'
import { contentToRecords } from './contentToRecords.ts'
import { eventStormerBoard, eventStormerToContent } from './eventStormer.ts'
import { readFixture } from './fixtures.ts'

const importFixture = (name: Parameters<typeof readFixture>[0]) => eventStormerToContent(eventStormerBoard.parse(readFixture(name)), 'Imported')

describe('EventStormer boards', () => {
  test('every sticky of the big-picture board is imported with its kind and text', () => {
    const raw = readFixture('eventstorming-facilitation-workshop') as { stickies: { id: string; kind: string; text: string }[] }
    const content = importFixture('eventstorming-facilitation-workshop')
    expect(content.name).toBe('EventStorming Facilitation Workshop - Oct 8-10, 2024')
    expect(content.level).toBe('big-picture')
    expect(content.elements).toHaveLength(82)
    const expectedKind = { event: 'event', hotspot: 'hotspot', system: 'externalSystem', opportunity: 'opportunity', person: 'actor' }
    for (const sticky of raw.stickies) {
      const element = content.elements.find((e) => e.id === sticky.id)
      expect(element).toMatchObject({ kind: expectedKind[sticky.kind as keyof typeof expectedKind], text: sticky.text })
    }
    expect(content.boundaries).toHaveLength(9)
    expect(content.labels.map((l) => l.text)).toContain('EARLY BIRD SALE')
  })

  test('the process-level board keeps every element kind of the grammar', () => {
    const content = importFixture('process-modelling-grammar')
    expect(content.level).toBe('process')
    const kinds = new Set(content.elements.map((e) => e.kind))
    expect(kinds).toEqual(new Set(['hotspot', 'readModel', 'actor', 'command', 'externalSystem', 'event', 'policy']))
    expect(content.elements.find((e) => e.text === 'Place Order')?.kind).toBe('command')
  })

  test('an imported board opens in a tldraw store with every sticky valid', () => {
    const content = importFixture('eventstorming-facilitation-workshop')
    const doc = recordsToDoc(contentToRecords(content))
    const store = createTestStore()
    bindStoreToDoc(store, doc)
    const stickies = store.allRecords().filter((r) => r.typeName === 'shape' && r.type === stickyShapeType)
    expect(stickies).toHaveLength(82)
    expect(docToRecords(doc)).toHaveLength(store.allRecords().filter((r) => store.scopedTypes.document.has(r.typeName)).length)
    const hotspot = stickies.find((s) => s.typeName === 'shape' && s.id === 'shape:h001')!
    expect(hotspot.typeName === 'shape' && hotspot.rotation).toBeCloseTo((elementKindDefinitions.hotspot.rotation * Math.PI) / 180)
  })
})
