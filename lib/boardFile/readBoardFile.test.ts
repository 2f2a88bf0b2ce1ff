import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { limits } from '../board/limits.ts'
import { stickyShapeType } from '../board/shapes/stickyShape.ts'
import { bindStoreToDoc } from '../sync/storeBinding.ts'
import { createTestStore } from '../sync/testStores.ts'
import { recordsToDoc } from '../ydoc/convert.ts'
import { boardFileLimits } from './boardFile.ts'
import { contentToRecords } from './contentToRecords.ts'
import { readFixture } from './fixtures.ts'
import { BoardFileError, readBoardFile } from './readBoardFile.ts'

const ours = (rest: Record<string, unknown> = {}) => ({ format: 'eventstorm-board', version: 1, name: 'Checkout', ...rest })
const sticky = (id: string, rest: Record<string, unknown> = {}) => ({ id, kind: 'event', text: 'Order placed', x: 0, y: 0, ...rest })
const field = (rest: Record<string, unknown> = {}) => ({ id: 'f1', name: 'orderId', type: 'string', ...rest })
const withFields = (fields: unknown[]) => ours({ elements: [sticky('e1', { contract: { fields } })] })

/** The refusal readBoardFile answers for an upload, as the HTTP answer would carry it. */
function refusal(upload: unknown): { status: number; message: string } {
  try {
    readBoardFile(upload)
  } catch (error) {
    if (error instanceof BoardFileError) return { status: error.status, message: error.message }
    throw error
  }
  throw new Error('the upload was accepted')
}

/**
 * Parses the upload as JSON text with each "PLACEHOLDER" string replaced by
 * `raw`: what no object literal can express, such as 1e999 or an own
 * "__proto__" key, both of which JSON.parse does produce.
 */
const parsedWith = (upload: unknown, placeholder: string, raw: string) =>
  JSON.parse(JSON.stringify(upload).replaceAll(JSON.stringify(placeholder), raw))

/** Fields nested `levels` deep: each an object holding the next level. */
const nestedFields = (levels: number): unknown[] =>
  levels === 0 ? [] : [field({ id: `f${levels}`, type: 'object', fields: nestedFields(levels - 1) })]

afterEach(() => {
  // Nothing any upload does may reach every object in the process.
  expect(Object.prototype).not.toHaveProperty('polluted')
  expect(Object.keys(Object.prototype)).toEqual([])
})

describe('telling board files apart', () => {
  test.each([
    ['an array', []],
    ['null', null],
    ['a string', 'eventstorm-board'],
    ['a number', 42],
    ['an object of neither format', { name: 'x', elements: [] }],
  ])('%s is not a board file (400)', (_, upload) => {
    expect(refusal(upload).status).toBe(400)
  })

  test('an unknown format is named in the refusal (400)', () => {
    expect(refusal({ format: 'miro-board', version: 1 })).toEqual({ status: 400, message: 'unknown format "miro-board": this app reads "eventstorm-board"' })
  })

  test('a version this app does not know is refused with the version it reads (422)', () => {
    expect(refusal(ours({ version: 2 }))).toEqual({ status: 422, message: 'eventstorm-board version 2 is not supported: this app reads version 1' })
    expect(refusal(ours({ version: undefined }))).toMatchObject({ status: 422, message: /version none is not supported/ })
    expect(refusal(ours({ version: '1' }))).toMatchObject({ status: 422, message: /version "1" is not supported/ })
  })

  test('a minimal file of ours gets the documented defaults', () => {
    const content = readBoardFile(ours({ elements: [sticky('e1', { contract: { fields: [field()] } })] }))
    expect(content).toEqual({
      name: 'Checkout',
      level: 'big-picture',
      elements: [
        {
          ...sticky('e1'),
          contract: {
            description: '',
            version: 1,
            producer: '',
            fields: [{ ...field(), itemType: 'string', enumValues: [], fields: [], required: true, description: '', example: '', sensitivity: 'none' }],
          },
        },
      ],
      contexts: [],
      lanes: [],
      boundaries: [],
      labels: [],
      flows: [],
    })
  })

  test('both EventStormer sample boards are read as EventStormer boards', () => {
    expect(readBoardFile(readFixture('eventstorming-facilitation-workshop')).elements).toHaveLength(82)
    const process = readBoardFile(readFixture('process-modelling-grammar'))
    expect(process).toMatchObject({ name: 'Process Modelling Grammar Example', level: 'process' })
    expect(process.elements).toHaveLength(15)
  })
})

describe('invalid files of ours are refused with the place and the reason (422)', () => {
  test.each<[string, unknown, RegExp]>([
    ['a list that is not a list', ours({ elements: 'none' }), /^invalid eventstorm-board: elements: Invalid input: expected array/],
    ['a coordinate given as text', ours({ elements: [sticky('e1', { x: '10' })] }), /elements\[0\]\.x: Invalid input: expected number/],
    ['a sticky without a kind', ours({ elements: [{ id: 'e1', text: '', x: 0, y: 0 }] }), /elements\[0\]\.kind: Invalid option/],
    ['a kind that does not exist', ours({ elements: [sticky('e1', { kind: 'note' })] }), /elements\[0\]\.kind: Invalid option/],
    ['a file without a name', { format: 'eventstorm-board', version: 1 }, /name: Invalid input: expected string/],
    ['a blank name', ours({ name: '   ' }), /name: Too small/],
    ['a key the format does not have', ours({ elements: [sticky('e1', { colour: 'red' })] }), /elements\[0\]: Unrecognized key: "colour"/],
    ['a text beyond the limit', ours({ elements: [sticky('e1', { text: 'x'.repeat(limits.text + 1) })] }), /elements\[0\]\.text: Too big/],
    ['a huge number as a coordinate', ours({ elements: [sticky('e1', { y: 1e308 })] }), /elements\[0\]\.y: Too big: expected number to be <=10000000/],
    [
      'a number JSON reads as Infinity',
      parsedWith(ours({ labels: [{ id: 'l', text: '', x: 'HUGE', y: 0 }] }), 'HUGE', '1e999'),
      /labels\[0\]\.x: Invalid input: expected number, received Infinity/,
    ],
    ['a size of zero', ours({ lanes: [{ id: 'l1', x: 0, y: 0, w: 0, h: 100 }] }), /lanes\[0\]\.w: Too small/],
    ['an id with unsafe characters', ours({ elements: [sticky('../e1')] }), /elements\[0\]\.id: ids are 1 to 64/],
    ['a contract on a command', ours({ elements: [sticky('c1', { kind: 'command', contract: {} })] }), /elements\[0\]\.contract: only events carry a contract/],
    ['a contract version of zero', ours({ elements: [sticky('e1', { contract: { version: 0 } })] }), /elements\[0\]\.contract\.version: Too small/],
    ['a field type that does not exist', withFields([field({ type: 'uuid' })]), /contract\.fields\[0\]\.type: Invalid option/],
    ['a sensitivity that does not exist', withFields([field({ sensitivity: 'public' })]), /contract\.fields\[0\]\.sensitivity: Invalid option/],
    ['too many enum values', withFields([field({ type: 'enum', enumValues: Array.from({ length: limits.enumValues + 1 }, String) })]), /enumValues: Too big/],
    ['too many fields', withFields(Array.from({ length: limits.fieldsPerEvent + 1 }, (_, i) => field({ id: `f${i}` }))), /contract\.fields: Too big/],
    ['fields nested too deep', withFields(nestedFields(limits.fieldDepth + 1)), /(\.fields\[0\]){4}\.fields: fields nest at most 5 levels deep/],
    ['two elements with one id', ours({ elements: [sticky('e1'), sticky('e1')] }), /elements\[1\]\.id: duplicate id "e1"/],
    [
      "a context with an element's id",
      ours({ elements: [sticky('e1')], contexts: [{ id: 'e1', name: 'Orders', x: 0, y: 0, w: 10, h: 10 }] }),
      /contexts\[0\]\.id: duplicate id "e1"/,
    ],
    [
      'a flow to an element that does not exist',
      ours({ elements: [sticky('e1')], flows: [{ id: 'f1', from: 'e1', to: 'e2' }] }),
      /flows\[0\]\.to: no element has the id "e2"/,
    ],
  ])('%s', (_, upload, message) => {
    const { status, message: actual } = refusal(upload)
    expect(status).toBe(422)
    expect(actual).toMatch(message)
  })

  test('fields nested to the depth limit are accepted', () => {
    expect(() => readBoardFile(withFields(nestedFields(limits.fieldDepth)))).not.toThrow()
  })

  test('a refusal names the first three problems and counts the rest', () => {
    const upload = ours({ elements: Array.from({ length: 10 }, (_, i) => sticky(`e${i}`, { kind: 'note' })) })
    expect(refusal(upload).message).toMatch(/^invalid eventstorm-board: elements\[0\]\.kind: .*; elements\[1\]\.kind: .*; elements\[2\]\.kind: .* \(and 7 more\)$/)
  })
})

describe('hostile files are refused harmlessly', () => {
  test('100,000 stickies are refused by the count limit before any sticky is read', () => {
    const text = JSON.stringify(ours({ elements: Array.from({ length: 100_000 }, (_, i) => sticky(`e${i}`)) }))
    const eventStormer = JSON.stringify({ stickies: Array.from({ length: 100_000 }, (_, i) => ({ id: i, kind: 'event', text: 'Order placed', x: i, y: 0 })) })
    for (const upload of [text, eventStormer]) {
      expect(upload.length).toBeLessThan(boardFileLimits.bytes)
      const { status, message } = refusal(JSON.parse(upload))
      expect(status).toBe(422)
      expect(message).toMatch(/: Too big: expected array to have <=10000 items$/)
    }
  })

  test('5 MB strings, as a text or as a key, are refused without being echoed back', () => {
    const huge = 'x'.repeat(5_000_000)
    for (const upload of [ours({ elements: [sticky('e1', { text: huge })] }), ours({ [huge]: 1 })]) {
      const { status, message } = refusal(upload)
      expect(status).toBe(422)
      expect(message.length).toBeLessThan(300)
    }
  })

  test('fields nested as deep as 10 MB allows are refused at the depth limit', () => {
    const level = '{"id":"f","name":"n","type":"object","fields":['
    const levels = Math.floor(boardFileLimits.bytes / (level.length + 2))
    const deep = `${level.repeat(levels)}${']}'.repeat(levels)}`
    const upload = parsedWith(withFields(['DEEP']), 'DEEP', deep)
    expect(refusal(upload)).toMatchObject({ status: 422, message: /fields nest at most 5 levels deep/ })
  })

  test.each(['__proto__', 'constructor', 'prototype'])('"%s" as a key of ours is refused', (key) => {
    const here = { HERE: { polluted: true } }
    const places = [ours(here), ours({ elements: [sticky('e1', here)] }), ours({ elements: [sticky('e1', { contract: here })] }), withFields([field(here)])]
    for (const place of places) {
      expect(refusal(parsedWith(place, 'HERE', JSON.stringify(key)))).toMatchObject({ status: 422, message: new RegExp(`Unrecognized key: "${key}"`) })
    }
  })

  test('"__proto__" keys in an EventStormer board are dropped', () => {
    const here = { HERE: { polluted: true } }
    const content = readBoardFile(parsedWith({ ...here, stickies: [{ id: 's1', kind: 'event', text: 'Paid', x: 0, y: 0, ...here }] }, 'HERE', '"__proto__"'))
    expect(content.elements).toEqual([{ id: 's1', kind: 'event', text: 'Paid', x: 0, y: 0, w: 100, h: 100 }])
    expect(Object.getPrototypeOf(content.elements[0])).toBe(Object.prototype)
  })

  test('"__proto__", "constructor" and "prototype" as ids are ordinary shapes on the board', () => {
    const ids = ['__proto__', 'constructor', 'prototype']
    const content = readBoardFile(ours({ elements: ids.map((id) => sticky(id)), flows: [{ id: 'toString', from: '__proto__', to: 'constructor' }] }))
    const store = createTestStore()
    bindStoreToDoc(store, recordsToDoc(contentToRecords(content)))
    const stickies = store.allRecords().filter((r) => r.typeName === 'shape' && r.type === stickyShapeType)
    expect(stickies.map((s) => s.id).sort()).toEqual(['shape:__proto__', 'shape:constructor', 'shape:prototype'])
    expect(store.get('shape:toString' as never)).toMatchObject({ type: 'arrow' })
  })

  test('EventStormer ids that clash or carry unsafe characters become unique safe ids', () => {
    const ids = ['dup', 'dup', 'dup', 'a b', 'a_b', 'x'.repeat(200), 7]
    const stickies = ids.map((id) => ({ id, kind: 'event', text: '', x: 0, y: 0 }))
    expect(readBoardFile({ stickies }).elements.map((e) => e.id)).toEqual(['dup', 'dup_2', 'dup_3', 'a_b', 'a_b_2', 'x'.repeat(48), '7'])
  })

  test('a file at the count limits becomes a board state', () => {
    const elements = Array.from({ length: boardFileLimits.elements }, (_, i) => sticky(`e${i}`, { x: i * 200 }))
    const flows = Array.from({ length: boardFileLimits.flows }, (_, i) => ({ id: `f${i}`, from: `e${i}`, to: `e${(i + 1) % elements.length}` }))
    const state = Y.encodeStateAsUpdate(recordsToDoc(contentToRecords(readBoardFile(ours({ elements, flows })))))
    expect(state.byteLength).toBeGreaterThan(0)
  })

  test('10,000 EventStormer stickies with one id import as 10,000 stickies', () => {
    const stickies = Array.from({ length: boardFileLimits.elements }, (_, i) => ({ id: 'same', kind: 'event', text: '', x: i, y: 0 }))
    expect(new Set(readBoardFile({ stickies }).elements.map((e) => e.id)).size).toBe(boardFileLimits.elements)
  })

  test('EventStormer boards with wrong types are refused with the place (422)', () => {
    expect(refusal({ stickies: [{ id: 's', kind: 'event', text: 5, x: 0, y: 0 }] })).toEqual({
      status: 422,
      message: 'invalid EventStormer board: stickies[0].text: Invalid input: expected string, received number',
    })
    expect(refusal({ stickies: [{ id: 's', kind: 'sticky', text: '', x: 0, y: 0 }] })).toMatchObject({ status: 422, message: /stickies\[0\]\.kind/ })
    expect(refusal({ stickies: [], verticals: [{ id: 'v', x: 0, y1: 0 }] })).toMatchObject({ status: 422, message: /verticals\[0\]\.y2/ })
  })
})

test('the example in FORMAT.md is a valid board file', () => {
  const markdown = readFileSync(new URL('./FORMAT.md', import.meta.url), 'utf8')
  const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(markdown)![1]!)
  const content = readBoardFile(example)
  expect(content.elements.find((e) => e.id === 'order-placed')?.contract?.fields).toHaveLength(4)
  expect(() => contentToRecords(content)).not.toThrow()
})
