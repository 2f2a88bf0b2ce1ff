import { isEqual } from '@tldraw/utils'

/**
 * How a new version of an event's JSON Schema affects the consumers of the
 * last ones, in the words of Confluent Schema Registry: BACKWARD means readers
 * on the new schema read events written with the old one, FORWARD that
 * readers on the old schema read events written with the new one.
 *
 * Events are taken to be what a producer writes: the properties its schema
 * declares, no others. That is why adding or removing an optional property of
 * an open object breaks nobody (Confluent's LENIENT policy; its default STRICT
 * policy refuses both). A closed object (`additionalProperties: false`)
 * refuses undeclared properties, so there the same changes break one side.
 * A reader fills in the `default` of a property its events lack.
 */

/** A JSON Schema as parsed from JSON; every keyword is read with a guard. */
export type JsonSchema = { readonly [keyword: string]: unknown }

interface Breaks {
  backward: boolean
  forward: boolean
}

/** A change, what it breaks, and how to say it: `${path} ${change} (${detail}): ${consequence}`. */
interface Rule extends Breaks {
  change: string
  consequence: string
}

const priorReaders = 'consumers on the previous version'
const published = 'events already published'

/** Every kind of change the comparison reports: the rule table the README's "Contract compatibility" is written from. */
export const compatibilityRules = {
  'optional-property-added': { backward: false, forward: false, change: 'was added as an optional property', consequence: `${priorReaders} ignore it` },
  'optional-property-added-to-closed': { backward: false, forward: true, change: 'was added as an optional property of a closed object', consequence: `${priorReaders} refuse events that carry it` },
  'required-property-added': { backward: true, forward: false, change: 'was added as a required property', consequence: `${published} lack it` },
  'required-property-added-to-closed': { backward: true, forward: true, change: 'was added as a required property of a closed object', consequence: `${published} lack it, and ${priorReaders} refuse events that carry it` },
  'required-property-with-default-added': { backward: false, forward: false, change: 'was added as a required property with a default', consequence: `readers fill in the default where ${published} lack it` },
  'required-property-with-default-added-to-closed': { backward: false, forward: true, change: 'was added as a required property with a default to a closed object', consequence: `${priorReaders} refuse events that carry it` },
  'optional-property-removed': { backward: false, forward: false, change: 'was removed; it was optional', consequence: 'readers on either version ignore or do without it' },
  'optional-property-removed-from-closed': { backward: true, forward: false, change: 'was removed from a closed object; it was optional', consequence: `${published} may carry it, and the new schema allows no undeclared property` },
  'required-property-removed': { backward: false, forward: true, change: 'was removed; it was required', consequence: `${priorReaders} require it` },
  'required-property-removed-from-closed': { backward: true, forward: true, change: 'was removed from a closed object; it was required', consequence: `${priorReaders} require it, and the new schema refuses ${published}, which carry it` },
  'required-property-with-default-removed': { backward: false, forward: false, change: 'was removed; it was required with a default', consequence: `${priorReaders} fill in the default` },
  'required-property-with-default-removed-from-closed': { backward: true, forward: false, change: 'was removed from a closed object; it was required with a default', consequence: `the new schema refuses ${published}, which carry it` },
  'property-became-required': { backward: true, forward: false, change: 'became required', consequence: `${published} may lack it` },
  'property-with-default-became-required': { backward: false, forward: false, change: 'became required, with a default', consequence: `readers fill in the default where ${published} lack it` },
  'property-became-optional': { backward: false, forward: true, change: 'became optional', consequence: `${priorReaders} require it` },
  'property-with-default-became-optional': { backward: false, forward: false, change: 'became optional; it has a default', consequence: `${priorReaders} fill in the default` },
  'object-closed': { backward: true, forward: false, change: 'was closed (additionalProperties: false)', consequence: `${published} may carry properties it does not declare` },
  'object-opened': { backward: false, forward: true, change: 'was opened to undeclared properties', consequence: `${priorReaders} refuse events that carry one` },
  'type-changed': { backward: true, forward: true, change: 'changed type', consequence: 'readers on either version refuse the values of the other' },
  'type-widened': { backward: false, forward: true, change: 'widened its type', consequence: `${priorReaders} refuse the values it now also allows` },
  'type-narrowed': { backward: true, forward: false, change: 'narrowed its type', consequence: `${published} may hold values it no longer allows` },
  'format-added': { backward: true, forward: false, change: 'gained a format', consequence: `${published} may hold values in another form` },
  'format-removed': { backward: false, forward: true, change: 'lost its format', consequence: `${priorReaders} expect the format` },
  'format-changed': { backward: true, forward: true, change: 'changed format', consequence: 'readers on either version refuse the values of the other' },
  'enum-added': { backward: true, forward: false, change: 'became a list of allowed values', consequence: `${published} may hold other values` },
  'enum-removed': { backward: false, forward: true, change: 'no longer limits its values to a list', consequence: `${priorReaders} accept only the listed values` },
  'enum-value-added': { backward: false, forward: true, change: 'allows a new value', consequence: `${priorReaders} do not know it` },
  'enum-value-removed': { backward: true, forward: false, change: 'no longer allows a value', consequence: `${published} may hold it` },
  'unrecognised-change': { backward: true, forward: true, change: 'changed in a way this check does not read', consequence: 'it assumes that readers on either version break' },
  // Not the mirror of each other: an added event has no consumer to break yet.
  'event-added': { backward: false, forward: false, change: 'is a new event', consequence: 'no consumer depends on it yet' },
  'event-removed': { backward: true, forward: true, change: 'is no longer published', consequence: 'its consumers receive no more events' },
} as const satisfies Record<string, Rule>

export type ChangeKind = keyof typeof compatibilityRules

export interface SchemaChange {
  /** Where, as a consumer reads it: `detail.data.customer.email`, `lines[].sku`; empty for the whole event. */
  path: string
  kind: ChangeKind
  breaks: Breaks
  /** For someone who is not a schema expert: what changed and who it breaks. */
  message: string
}

function change(kind: ChangeKind, path: string, detail?: string): SchemaChange {
  const rule = compatibilityRules[kind]
  const subject = path === '' ? 'The event' : path
  return { path, kind, breaks: { backward: rule.backward, forward: rule.forward }, message: `${subject} ${rule.change}${detail ? ` (${detail})` : ''}: ${rule.consequence}` }
}

/** Every change from one version of an event's schema to the next, in reading order: keywords first, then properties by name, then items. */
export function schemaChanges(previous: JsonSchema, next: JsonSchema): SchemaChange[] {
  return compare(previous, next, '')
}

type Comparison = (before: JsonSchema, after: JsonSchema, path: string) => SchemaChange[]

function compare(previous: unknown, next: unknown, path: string): SchemaChange[] {
  const before = asSchema(previous)
  const after = asSchema(next)
  if (!before || !after) return isEqual(previous, next) ? [] : [change('unrecognised-change', path, 'not a schema')]
  const type = typeChanges(before, after, path)
  // Once the type differs, what else differs says nothing more to a consumer.
  if (type[0]?.kind === 'type-changed') return type
  return [...type, ...keywordComparisons.flatMap((comparison) => comparison(before, after, path))]
}

/** `true` and `false` are schemas too: anything, and nothing. */
function asSchema(value: unknown): JsonSchema | undefined {
  if (value === true) return {}
  if (value === false) return { not: {} }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))
const fromTo = (from: unknown, to: unknown) => `${show(from)} → ${show(to)}`
const anyType = 'any type'

function typeChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  const { type: was } = before
  const { type: is } = after
  if (isEqual(was, is)) return []
  const detail = fromTo(was ?? anyType, is ?? anyType)
  if (widens(was, is)) return [change('type-widened', path, detail)]
  if (widens(is, was)) return [change('type-narrowed', path, detail)]
  return [change('type-changed', path, detail)]
}

/** Every integer is a number, and a schema without a type allows all. */
const widens = (from: unknown, to: unknown) => (from !== undefined && to === undefined) || (from === 'integer' && to === 'number')

function formatChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  const { format: was } = before
  const { format: is } = after
  if (isEqual(was, is)) return []
  if (was === undefined) return [change('format-added', path, show(is))]
  if (is === undefined) return [change('format-removed', path, show(was))]
  return [change('format-changed', path, fromTo(was, is))]
}

function enumChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  const { enum: was } = before
  const { enum: is } = after
  const isList = (value: unknown) => value === undefined || Array.isArray(value)
  if (isEqual(was, is)) return []
  if (!isList(was) || !isList(is)) return [change('unrecognised-change', path, 'enum')]
  if (was === undefined) return [change('enum-added', path, show(is))]
  if (is === undefined) return [change('enum-removed', path, show(was))]
  const missingFrom = (values: unknown[]) => (value: unknown) => !values.some((other) => isEqual(other, value))
  return [
    ...was.filter(missingFrom(is)).map((value) => change('enum-value-removed', path, show(value))),
    ...is.filter(missingFrom(was)).map((value) => change('enum-value-added', path, show(value))),
  ]
}

type ContentModel = 'open' | 'closed' | 'partly open'

/** Confluent's content models: an object with an additionalProperties schema or patternProperties is partly open. */
function contentModelOf(schema: JsonSchema): ContentModel {
  if (schema.patternProperties !== undefined) return 'partly open'
  if (schema.additionalProperties === undefined || schema.additionalProperties === true) return 'open'
  return schema.additionalProperties === false ? 'closed' : 'partly open'
}

function contentModelChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  const was = contentModelOf(before)
  const is = contentModelOf(after)
  if (was !== 'partly open' && is !== 'partly open') return was === is ? [] : [change(is === 'closed' ? 'object-closed' : 'object-opened', path)]
  const same = isEqual(before.additionalProperties, after.additionalProperties) && isEqual(before.patternProperties, after.patternProperties)
  return same ? [] : [change('unrecognised-change', path, 'additionalProperties or patternProperties')]
}

interface Property {
  schema: unknown
  required: boolean
  hasDefault: boolean
}

/** The object's properties by name, including those only named in `required` (of any type); undefined when unreadable. */
function propertiesOf(schema: JsonSchema): Map<string, Property> | undefined {
  const properties = asSchema(schema.properties ?? {})
  const required = schema.required ?? []
  if (!properties || !Array.isArray(required) || !required.every((name) => typeof name === 'string')) return undefined
  const names = new Set([...Object.keys(properties), ...required])
  return new Map(
    [...names].map((name) => {
      const property = Object.hasOwn(properties, name) ? properties[name] : {}
      return [name, { schema: property, required: required.includes(name), hasDefault: asSchema(property)?.default !== undefined }]
    }),
  )
}

const joinPath = (path: string, name: string) => (path === '' ? name : `${path}.${name}`)

function propertyChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  const was = propertiesOf(before)
  const is = propertiesOf(after)
  if (!was || !is) {
    const same = isEqual(before.properties, after.properties) && isEqual(before.required, after.required)
    return same ? [] : [change('unrecognised-change', path, 'properties')]
  }
  const names = [...new Set([...was.keys(), ...is.keys()])].sort()
  return names.flatMap((name) => {
    const propertyPath = joinPath(path, name)
    const old = was.get(name)
    const now = is.get(name)
    if (old && now) return [...requirednessChanges(old, now, propertyPath), ...compare(old.schema, now.schema, propertyPath)]
    if (now) return [presenceChange('added', now, contentModelOf(before), propertyPath)]
    return old ? [presenceChange('removed', old, contentModelOf(after), propertyPath)] : []
  })
}

/**
 * Whether a property that appears or disappears breaks anyone depends on the
 * object that lacks it: open, it lets the property through; closed, it refuses it.
 */
function presenceChange(event: 'added' | 'removed', property: Property, lacking: ContentModel, path: string): SchemaChange {
  if (lacking === 'partly open') return change('unrecognised-change', path, `${event} in a partly open object`)
  const presence = !property.required ? 'optional-property' : property.hasDefault ? 'required-property-with-default' : 'required-property'
  const closed = lacking === 'closed'
  return change(event === 'added' ? (`${presence}-added${closed ? '-to-closed' : ''}` as const) : (`${presence}-removed${closed ? '-from-closed' : ''}` as const), path)
}

/** A default counts on the side that requires the property: its readers fill it in. */
function requirednessChanges(old: Property, now: Property, path: string): SchemaChange[] {
  if (old.required === now.required) return []
  const requiring = now.required ? now : old
  const subject = requiring.hasDefault ? 'property-with-default' : 'property'
  return [change(`${subject}-became-${now.required ? 'required' : 'optional'}` as const, path)]
}

/** An array without `items` holds anything. */
function itemChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  if (before.items === undefined && after.items === undefined) return []
  return compare(before.items ?? {}, after.items ?? {}, `${path}[]`)
}

const comparedKeywords = new Set(['type', 'format', 'enum', 'additionalProperties', 'patternProperties', 'properties', 'required', 'items', 'default'])
const annotations = new Set(['description', 'title', 'examples', '$comment', '$id', '$schema'])
const isAnnotation = (keyword: string) => annotations.has(keyword) || keyword.startsWith('x-')

/** A keyword this check does not know may constrain anything, so any change to it is taken to break both ways. */
function unrecognisedChanges(before: JsonSchema, after: JsonSchema, path: string): SchemaChange[] {
  const keywords = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return keywords
    .filter((keyword) => !comparedKeywords.has(keyword) && !isAnnotation(keyword) && !isEqual(before[keyword], after[keyword]))
    .map((keyword) => change('unrecognised-change', path, keyword))
}

const keywordComparisons: Comparison[] = [formatChanges, enumChanges, contentModelChanges, unrecognisedChanges, propertyChanges, itemChanges]

/** Events that appear in or disappear from an export, by name; a renamed event is one of each. */
export function eventListChanges(previous: Iterable<string>, next: Iterable<string>): SchemaChange[] {
  const was = new Set(previous)
  const is = new Set(next)
  return [...new Set([...was, ...is])]
    .sort()
    .filter((name) => was.has(name) !== is.has(name))
    .map((name) => change(is.has(name) ? 'event-added' : 'event-removed', name))
}

interface ModeDefinition {
  backward: boolean
  forward: boolean
  /** Against every earlier version, not only the last. */
  transitive: boolean
}

const modeDefinitions = {
  BACKWARD: { backward: true, forward: false, transitive: false },
  BACKWARD_TRANSITIVE: { backward: true, forward: false, transitive: true },
  FORWARD: { backward: false, forward: true, transitive: false },
  FORWARD_TRANSITIVE: { backward: false, forward: true, transitive: true },
  FULL: { backward: true, forward: true, transitive: false },
  FULL_TRANSITIVE: { backward: true, forward: true, transitive: true },
  NONE: { backward: false, forward: false, transitive: false },
} as const satisfies Record<string, ModeDefinition>

export type CompatibilityMode = keyof typeof modeDefinitions
export const compatibilityModes = Object.keys(modeDefinitions) as readonly CompatibilityMode[]

export function breaksMode(change: SchemaChange, mode: CompatibilityMode): boolean {
  const { backward, forward } = modeDefinitions[mode]
  return (backward && change.breaks.backward) || (forward && change.breaks.forward)
}

export interface CompatibilityVerdict {
  compatible: boolean
  /** Every change since the last version. */
  changes: SchemaChange[]
  /** The changes the mode refuses, against every version it checks, oldest first. */
  breaking: SchemaChange[]
  /** How many earlier versions were checked: none under NONE. */
  against: number
}

/** Whether `next` may follow `history` (oldest first) under `mode`. */
export function checkCompatibility(history: readonly JsonSchema[], next: JsonSchema, mode: CompatibilityMode): CompatibilityVerdict {
  const last = history.at(-1)
  const changes = last === undefined ? [] : schemaChanges(last, next)
  const checked = mode === 'NONE' ? [] : modeDefinitions[mode].transitive ? history : history.slice(-1)
  const breaking = checked.flatMap((version) => schemaChanges(version, next).filter((c) => breaksMode(c, mode)))
  const distinct = [...new Map(breaking.map((c) => [`${c.kind} ${c.path} ${c.message}`, c])).values()]
  return { compatible: distinct.length === 0, changes, breaking: distinct, against: checked.length }
}

/**
 * The semantic version that follows `previous`: a change that breaks readers
 * either way is a new major version whatever the subject's mode, since the
 * version tells every consumer, whatever mode they assume.
 */
export function nextVersion(previous: string, verdict: Pick<CompatibilityVerdict, 'changes'>): string {
  const version = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(previous)
  if (!version) throw new RangeError(`${previous} is not a semantic version like 1.2.0`)
  const major = Number(version[1])
  const minor = Number(version[2])
  if (verdict.changes.some((c) => c.breaks.backward || c.breaks.forward)) return `${major + 1}.0.0`
  return verdict.changes.length > 0 ? `${major}.${minor + 1}.0` : previous
}
