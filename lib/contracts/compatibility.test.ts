import { Ajv } from 'ajv'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  type CompatibilityMode,
  type JsonSchema,
  type SchemaChange,
  breaksMode,
  checkCompatibility,
  compatibilityModes,
  eventListChanges,
  nextVersion,
  schemaChanges,
} from './compatibility.ts'

const string = { type: 'string' }
const number = { type: 'number' }
const integer = { type: 'integer' }
const dateTime = { type: 'string', format: 'date-time' }
const status = (...values: string[]) => ({ type: 'string', enum: values })
const object = (properties: Record<string, JsonSchema>, required: string[] = []) => ({ type: 'object', properties, required })
const closed = (properties: Record<string, JsonSchema>, required: string[] = []) => ({ ...object(properties, required), additionalProperties: false })

const broken = ({ breaks }: SchemaChange) => [breaks.backward && 'BACKWARD', breaks.forward && 'FORWARD'].filter(Boolean).join('+') || 'nothing'
const summary = (changes: SchemaChange[]) => changes.map((c) => `${c.path} ${c.kind} breaks ${broken(c)}`)
/** The changes from `before` to `after`, and back again. */
const bothWays = (before: JsonSchema, after: JsonSchema) => ({ forth: summary(schemaChanges(before, after)), back: summary(schemaChanges(after, before)) })

describe('a property of an open object', () => {
  test('added as required without a default breaks BACKWARD, since published events lack it; removed again, it breaks FORWARD', () => {
    expect(bothWays(object({ id: string }, ['id']), object({ id: string, email: string }, ['id', 'email']))).toEqual({
      forth: ['email required-property-added breaks BACKWARD'],
      back: ['email required-property-removed breaks FORWARD'],
    })
  })

  test('added as required with a default breaks nobody, and neither does removing it', () => {
    expect(bothWays(object({}), object({ currency: { ...string, default: 'EUR' } }, ['currency']))).toEqual({
      forth: ['currency required-property-with-default-added breaks nothing'],
      back: ['currency required-property-with-default-removed breaks nothing'],
    })
  })

  test('added or removed as optional breaks nobody', () => {
    expect(bothWays(object({ id: string }), object({ id: string, note: string }))).toEqual({
      forth: ['note optional-property-added breaks nothing'],
      back: ['note optional-property-removed breaks nothing'],
    })
  })

  test('becoming required breaks BACKWARD; becoming optional breaks FORWARD', () => {
    expect(bothWays(object({ email: string }), object({ email: string }, ['email']))).toEqual({
      forth: ['email property-became-required breaks BACKWARD'],
      back: ['email property-became-optional breaks FORWARD'],
    })
  })

  test('becoming required or optional breaks nobody when it has a default', () => {
    const currency = { ...string, default: 'EUR' }
    expect(bothWays(object({ currency }), object({ currency }, ['currency']))).toEqual({
      forth: ['currency property-with-default-became-required breaks nothing'],
      back: ['currency property-with-default-became-optional breaks nothing'],
    })
  })

  test('named only in required is a property of any type', () => {
    expect(bothWays({ type: 'object' }, { type: 'object', required: ['id', 'constructor'] })).toEqual({
      forth: ['constructor required-property-added breaks BACKWARD', 'id required-property-added breaks BACKWARD'],
      back: ['constructor required-property-removed breaks FORWARD', 'id required-property-removed breaks FORWARD'],
    })
  })
})

describe('a property of a closed object (additionalProperties: false), which refuses undeclared properties', () => {
  test('added as optional breaks FORWARD: readers of the previous version refuse it; removed, it breaks BACKWARD: published events carry it', () => {
    expect(bothWays(closed({ id: string }), closed({ id: string, note: string }))).toEqual({
      forth: ['note optional-property-added-to-closed breaks FORWARD'],
      back: ['note optional-property-removed-from-closed breaks BACKWARD'],
    })
  })

  test('added or removed as required breaks both ways', () => {
    expect(bothWays(closed({}), closed({ email: string }, ['email']))).toEqual({
      forth: ['email required-property-added-to-closed breaks BACKWARD+FORWARD'],
      back: ['email required-property-removed-from-closed breaks BACKWARD+FORWARD'],
    })
  })

  test('added as required with a default breaks FORWARD only; removed, BACKWARD only', () => {
    expect(bothWays(closed({}), closed({ currency: { ...string, default: 'EUR' } }, ['currency']))).toEqual({
      forth: ['currency required-property-with-default-added-to-closed breaks FORWARD'],
      back: ['currency required-property-with-default-removed-from-closed breaks BACKWARD'],
    })
  })

  test('closing an object breaks BACKWARD; opening it breaks FORWARD', () => {
    expect(bothWays(object({ id: string }), closed({ id: string }))).toEqual({
      forth: [' object-closed breaks BACKWARD'],
      back: [' object-opened breaks FORWARD'],
    })
  })

  test('with a schema for its additional properties is partly open, and any change to its properties is taken to break both ways', () => {
    const partlyOpen = { ...object({ id: string }), additionalProperties: string }
    expect(bothWays(partlyOpen, { ...partlyOpen, properties: { id: string, note: string } })).toEqual({
      forth: ['note unrecognised-change breaks BACKWARD+FORWARD'],
      back: ['note unrecognised-change breaks BACKWARD+FORWARD'],
    })
    expect(summary(schemaChanges(partlyOpen, object({ id: string })))).toEqual([' unrecognised-change breaks BACKWARD+FORWARD'])
  })
})

describe('a value', () => {
  test('changing type breaks both ways, and what changed inside it is not reported besides', () => {
    expect(bothWays(object({ total: string }), object({ total: number }))).toEqual({
      forth: ['total type-changed breaks BACKWARD+FORWARD'],
      back: ['total type-changed breaks BACKWARD+FORWARD'],
    })
    expect(summary(schemaChanges(object({ lines: object({ sku: string }) }), object({ lines: { type: 'array', items: object({ sku: number }) } })))).toEqual([
      'lines type-changed breaks BACKWARD+FORWARD',
    ])
  })

  test('from integer to number widens and breaks FORWARD; from number to integer narrows and breaks BACKWARD', () => {
    expect(bothWays(object({ quantity: integer }), object({ quantity: number }))).toEqual({
      forth: ['quantity type-widened breaks FORWARD'],
      back: ['quantity type-narrowed breaks BACKWARD'],
    })
  })

  test('gaining a format narrows and breaks BACKWARD; losing it widens and breaks FORWARD; another format breaks both', () => {
    expect(bothWays(object({ at: string }), object({ at: dateTime }))).toEqual({
      forth: ['at format-added breaks BACKWARD'],
      back: ['at format-removed breaks FORWARD'],
    })
    expect(summary(schemaChanges(object({ at: dateTime }), object({ at: { ...string, format: 'date' } })))).toEqual(['at format-changed breaks BACKWARD+FORWARD'])
  })

  test('limited to a list narrows and breaks BACKWARD; no longer limited widens and breaks FORWARD', () => {
    expect(bothWays(object({ status: string }), object({ status: status('placed', 'paid') }))).toEqual({
      forth: ['status enum-added breaks BACKWARD'],
      back: ['status enum-removed breaks FORWARD'],
    })
  })

  test('in a list gained breaks FORWARD, since readers of the previous version do not know it; one dropped breaks BACKWARD; a new order breaks nobody', () => {
    expect(bothWays(object({ status: status('placed', 'paid') }), object({ status: status('placed', 'paid', 'cancelled') }))).toEqual({
      forth: ['status enum-value-added breaks FORWARD'],
      back: ['status enum-value-removed breaks BACKWARD'],
    })
    expect(schemaChanges(status('placed', 'paid'), status('paid', 'placed'))).toEqual([])
  })
})

describe('the changes of a schema', () => {
  test('inside array items follow the same rules and are reported at the array with []', () => {
    const lines = (item: JsonSchema) => object({ lines: { type: 'array', items: item } })
    expect(bothWays(lines(object({ sku: string })), lines(object({ sku: string, quantity: integer }, ['quantity'])))).toEqual({
      forth: ['lines[].quantity required-property-added breaks BACKWARD'],
      back: ['lines[].quantity required-property-removed breaks FORWARD'],
    })
    expect(bothWays(lines(integer), lines(number))).toEqual({ forth: ['lines[] type-widened breaks FORWARD'], back: ['lines[] type-narrowed breaks BACKWARD'] })
    expect(bothWays({ type: 'array' }, { type: 'array', items: string })).toEqual({ forth: ['[] type-narrowed breaks BACKWARD'], back: ['[] type-widened breaks FORWARD'] })
  })

  test('deep in an event envelope are reported by their path, in reading order, in words a non-expert follows', () => {
    const envelope = (customer: JsonSchema, data: Record<string, JsonSchema> = {}) =>
      object({ 'detail-type': string, detail: object({ metadata: object({ id: string }), data: object({ customer, ...data }) }) })
    const changes = schemaChanges(
      envelope(object({ email: string, name: string })),
      envelope(object({ email: string, name: number }, ['email']), { channel: status('web', 'phone') }),
    )
    expect(changes.map((c) => c.message)).toEqual([
      'detail.data.channel was added as an optional property: consumers on the previous version ignore it',
      'detail.data.customer.email became required: events already published may lack it',
      'detail.data.customer.name changed type (string → number): readers on either version refuse the values of the other',
    ])
  })

  test('ignore annotations: descriptions, titles, examples, ids, x- keywords and defaults of optional properties', () => {
    const plain = object({ email: string, total: number })
    const annotated = {
      ...object({ email: { ...string, description: 'Where receipts go', 'x-sensitivity': 'pii', examples: ['a@b.c'] }, total: { ...number, default: 0, title: 'Total' } }),
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://example.com/order-placed',
      'x-amazon-events-source': 'com.example.orders',
    }
    expect(bothWays(plain, annotated)).toEqual({ forth: [], back: [] })
  })

  test('in a keyword this check does not know are taken to break both ways, and nothing it cannot read is thrown on', () => {
    expect(summary(schemaChanges(object({ sku: string }), object({ sku: { ...string, pattern: '^[A-Z]+$' } })))).toEqual(['sku unrecognised-change breaks BACKWARD+FORWARD'])
    expect(schemaChanges(object({ sku: string }), object({ sku: { ...string, pattern: '^[A-Z]+$' } }))[0]?.message).toBe(
      'sku changed in a way this check does not read (pattern): it assumes that readers on either version break',
    )
    const unreadable = [null, 7, 'string', [], { properties: 'none' }, { required: 'id' }, { enum: 'a' }, { items: [string] }, { properties: { id: null } }]
    for (const value of unreadable) {
      expect(schemaChanges(object({ id: string }), value as JsonSchema).map((c) => c.kind)).toContain('unrecognised-change')
    }
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => void schemaChanges(a as JsonSchema, b as JsonSchema)))
  })
})

describe('events in an export', () => {
  test('one added breaks nobody; one removed breaks its consumers both ways; a renamed one is removed and added', () => {
    expect(summary(eventListChanges(['OrderPlaced', 'OrderShipped'], ['OrderPlaced', 'ParcelShipped', 'OrderPaid']))).toEqual([
      'OrderPaid event-added breaks nothing',
      'OrderShipped event-removed breaks BACKWARD+FORWARD',
      'ParcelShipped event-added breaks nothing',
    ])
    expect(eventListChanges(['OrderShipped'], [])[0]?.message).toBe('OrderShipped is no longer published: its consumers receive no more events')
  })
})

describe('a compatibility mode', () => {
  const optional = object({ email: string })
  const required = object({ email: string }, ['email'])
  const backwardOnly = schemaChanges(optional, required)[0]!
  const forwardOnly = schemaChanges(required, optional)[0]!

  test('refuses the changes that break the directions it checks, NONE none', () => {
    const refuses = (mode: CompatibilityMode) => [breaksMode(backwardOnly, mode), breaksMode(forwardOnly, mode)]
    expect(Object.fromEntries(compatibilityModes.map((mode) => [mode, refuses(mode)]))).toEqual({
      BACKWARD: [true, false],
      BACKWARD_TRANSITIVE: [true, false],
      FORWARD: [false, true],
      FORWARD_TRANSITIVE: [false, true],
      FULL: [true, true],
      FULL_TRANSITIVE: [true, true],
      NONE: [false, false],
    })
  })

  test('checks against the last version only, and its _TRANSITIVE twin against every version: a type given back under the old name is caught only there', () => {
    // Each step breaks nobody, but events published with v1 carry an email of another type than v3's.
    const history = [object({ id: string, email: string }), object({ id: string })]
    const v3 = object({ id: string, email: number })
    for (const mode of ['BACKWARD', 'FORWARD', 'FULL'] as const) {
      expect(checkCompatibility(history, v3, mode)).toMatchObject({ compatible: true, breaking: [], against: 1 })
      const transitive = checkCompatibility(history, v3, `${mode}_TRANSITIVE`)
      expect(transitive).toMatchObject({ compatible: false, against: 2 })
      expect(summary(transitive.breaking)).toEqual(['email type-changed breaks BACKWARD+FORWARD'])
      expect(summary(transitive.changes)).toEqual(['email optional-property-added breaks nothing'])
    }
  })

  test('lists a breaking change found against several versions once', () => {
    const history = [object({ id: string }), object({ id: string, note: string })]
    const verdict = checkCompatibility(history, object({ id: number }), 'FULL_TRANSITIVE')
    expect(summary(verdict.breaking)).toEqual(['id type-changed breaks BACKWARD+FORWARD'])
  })

  test('NONE accepts every change and still lists them; a first version is compatible with nothing to compare', () => {
    expect(checkCompatibility([object({ id: string })], object({ id: number }), 'NONE')).toMatchObject({ compatible: true, breaking: [], against: 0 })
    expect(summary(checkCompatibility([object({ id: string })], object({ id: number }), 'NONE').changes)).toEqual(['id type-changed breaks BACKWARD+FORWARD'])
    expect(checkCompatibility([], object({ id: string }), 'FULL_TRANSITIVE')).toEqual({ compatible: true, changes: [], breaking: [], against: 0 })
  })
})

describe('the next version of a contract', () => {
  const verdict = (before: JsonSchema, after: JsonSchema) => checkCompatibility([before], after, 'NONE')

  test('is a major version after a change that breaks either way, whatever the mode', () => {
    expect(nextVersion('1.2.3', verdict(object({}), object({ id: string }, ['id'])))).toBe('2.0.0')
    expect(nextVersion('1.2.3', verdict(object({ id: string }, ['id']), object({})))).toBe('2.0.0')
  })

  test('is a minor version after changes that break nobody, and the same version after none', () => {
    expect(nextVersion('1.2.3', verdict(object({}), object({ note: string })))).toBe('1.3.0')
    expect(nextVersion('1.2.3', verdict(object({ note: string }), object({ note: { ...string, description: 'Free text' } })))).toBe('1.2.3')
  })

  test('refuses a previous version that is not semantic', () => {
    expect(() => nextVersion('v2', verdict(object({}), object({})))).toThrow('v2 is not a semantic version like 1.2.0')
  })
})

// Two versions of a schema of the shapes our generator writes: alike in places, as versions are, and different in others.
type Versions = [JsonSchema, JsonSchema]
const names = ['id', 'email', 'total']
const leaf: fc.Arbitrary<JsonSchema> = fc.oneof(
  fc.constantFrom(string, number, integer, { type: 'boolean' }, dateTime),
  fc.subarray(['placed', 'paid', 'shipped'], { minLength: 1 }).map((values) => status(...values)),
)
const withDefault = (schema: JsonSchema) => eventOf(schema).map((value) => ({ ...schema, default: value }))
const anyLeaf = fc.oneof(leaf, leaf.chain(withDefault))
const both = fc.tuple(fc.boolean(), fc.boolean())
const { versions: schemaVersions, objectVersions } = fc.letrec<{ versions: Versions; objectVersions: Versions }>((tie) => ({
  versions: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'versions' },
    anyLeaf.map((schema): Versions => [schema, schema]),
    fc.tuple(anyLeaf, anyLeaf),
    tie('objectVersions'),
    tie('versions').map(([first, second]): Versions => [{ type: 'array', items: first }, { type: 'array', items: second }]),
  ),
  objectVersions: fc.tuple(fc.subarray(names), both).chain(([present, isClosed]) =>
    fc.tuple(...present.map(() => fc.record({ versions: tie('versions'), declared: both, required: both }))).map((properties): Versions => {
      const version = (index: 0 | 1) => {
        const declared = properties.flatMap((p, i) => (p.declared[index] ? [{ name: present[i]!, schema: p.versions[index], required: p.required[index] }] : []))
        const shape = isClosed[index] ? closed : object
        return shape(Object.fromEntries(declared.map((p) => [p.name, p.schema])), declared.filter((p) => p.required).map((p) => p.name))
      }
      return [version(0), version(1)]
    }),
  ),
}))
const objectSchema = objectVersions.map(([first]) => first)

/** What a producer on `schema` writes: the properties it declares, no others. */
function eventOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum)
  switch (schema.type) {
    case 'string':
      return schema.format === 'date-time' ? fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) : fc.string({ maxLength: 4 })
    case 'integer':
      return fc.integer()
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(eventOf(schema.items as JsonSchema), { maxLength: 2 })
    default: {
      const properties = schema.properties as Record<string, JsonSchema>
      const arbitraries = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, eventOf(property)]))
      return fc.record(arbitraries, { requiredKeys: schema.required as string[] })
    }
  }
}

/** Every subschema with another description, title, sensitivity and examples. */
function reannotated(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined
  return {
    ...schema,
    description: 'Described again',
    title: 'Retitled',
    'x-sensitivity': 'pii',
    examples: [],
    ...(properties && { properties: Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, reannotated(property)])) }),
    ...(schema.items !== undefined && { items: reannotated(schema.items as JsonSchema) }),
  }
}

/** The change as the other direction sees it: what broke one way breaks the other. */
const mirrored = (changes: SchemaChange[]) => changes.map((c) => `${c.path} ${c.breaks.forward} ${c.breaks.backward}`).sort()
const asSeen = (changes: SchemaChange[]) => changes.map((c) => `${c.path} ${c.breaks.backward} ${c.breaks.forward}`).sort()

describe('the rules, on any schemas of our shapes', () => {
  test('find no change between a schema and itself, nor after its annotations changed', () => {
    fc.assert(
      fc.property(objectSchema, (schema) => {
        expect(schemaChanges(schema, structuredClone(schema))).toEqual([])
        expect(schemaChanges(schema, reannotated(schema))).toEqual([])
      }),
    )
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(schemaChanges(value as JsonSchema, structuredClone(value) as JsonSchema)).toEqual([])
    }))
  })

  test('are symmetric: every change that breaks BACKWARD one way breaks FORWARD the other way, at the same path', () => {
    // Holds rule by rule: each rule's mirror (added/removed, required/optional, closed/opened, widened/narrowed) swaps
    // the two directions, and a default or a content model counts on the same side both ways. Only whole events are
    // not symmetric (an added event breaks nobody), and eventListChanges, not schemaChanges, reports those.
    fc.assert(fc.property(schemaVersions, ([a, b]) => {
      expect(asSeen(schemaChanges(b, a))).toEqual(mirrored(schemaChanges(a, b)))
    }))
  })

  test('agree with a validator: what they call compatible, events a producer wrote on one version validate on the other', () => {
    // Readers fill in defaults, as Confluent assumes of a reader's required property with a default.
    const ajv = new Ajv({ strict: false, useDefaults: true })
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
    const reads = (reader: JsonSchema, event: unknown) => ajv.validate(reader, structuredClone(event))
    const exercised = { backward: 0, forward: 0 }
    const pairs = objectVersions.chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), eventOf(a), eventOf(b)))
    fc.assert(
      fc.property(pairs, ([previous, next, published, upcoming]) => {
        const changes = schemaChanges(previous, next)
        if (!changes.some((c) => c.breaks.backward)) {
          exercised.backward++
          expect(reads(next, published)).toBe(true)
        }
        if (!changes.some((c) => c.breaks.forward)) {
          exercised.forward++
          expect(reads(previous, upcoming)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
    // Compatible versions must have been common enough to mean something (about half are, either way).
    expect(exercised.backward).toBeGreaterThan(500)
    expect(exercised.forward).toBeGreaterThan(500)
  })
})
