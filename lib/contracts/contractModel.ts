import type { ElementKind } from '../board/elementKinds.ts'
import type { ArrayItemType, EventField, FieldType, Sensitivity } from '../board/eventContract.ts'
import type { BoardModel, BoundedContext, ContextId, DomainEvent, ElementId, ModelElement } from '../model/boardModel.ts'
import { elementsOf } from '../model/boardModel.ts'
import { eventSource, kebabCase, pascalCase, propertyName, unique } from './names.ts'

/**
 * What the exports are made of: the board's model read as contracts, with
 * every name already one that registries accept, and the problems met on
 * the way. Each export format is a pure function of this.
 */
export interface ContractModel {
  board: { name: string; slug: string }
  contexts: ContractContext[]
  /** Contexts that consume another's events, read from flows that cross a boundary. */
  relations: ContextRelation[]
  problems: ExportProblem[]
}

/** A gatekeeper bus filters on this: RED carries secrets, AMBER personal data. */
export type Severity = 'GREEN' | 'AMBER' | 'RED'

export interface ContractContext {
  /** The context's id on the board; the default context's is `defaultContextId`. */
  id: string
  name: string
  slug: string
  /** Reverse DNS, e.g. com.acme.orders: the EventBridge source of its events. */
  source: string
  /** The EventBridge registry its schemas go to. */
  registryName: string
  team: string
  description: string
  events: ContractEvent[]
  members: ContextMembers
  /** Who produces its events: from the contracts, the aggregates, else the context itself. */
  services: string[]
  sensitiveFields: SensitiveField[]
}

export type MemberKind = 'command' | 'aggregate' | 'policy' | 'readModel' | 'actor' | 'externalSystem'
export const memberKinds: readonly MemberKind[] = ['command', 'aggregate', 'policy', 'readModel', 'actor', 'externalSystem']
export type ContextMembers = Record<MemberKind, { id: ElementId; name: string }[]>

export interface ContractEvent {
  elementId: ElementId
  /** As written on the sticky. */
  text: string
  /** PascalCase: the EventBridge detail-type and the name in every format. */
  name: string
  /** `<source>@<name>`, unique on the board. */
  schemaName: string
  /** `<source>.<name>`, unique on the board and safe in a URL path: CloudEvents' type, AsyncAPI's address, Confluent's subject. */
  qualifiedName: string
  description: string
  /** Semantic version; from the board's contract version until an export history says otherwise. */
  version: string
  service: string
  pivotal: boolean
  fields: ContractField[]
  severity: Severity
  /** Contexts (slugs) whose stickies react to it. */
  consumers: string[]
}

export interface ContractField {
  name: string
  type: FieldType
  itemType: ArrayItemType
  enumValues: string[]
  fields: ContractField[]
  required: boolean
  description: string
  example: string
  sensitivity: Sensitivity
}

export interface SensitiveField {
  event: string
  /** Dotted, e.g. customer.email. */
  path: string
  sensitivity: 'pii' | 'secret'
}

export interface ContextRelation {
  /** Slugs. */
  publisher: string
  consumer: string
  events: string[]
}

export type ProblemRule =
  | 'no-events'
  | 'outside-context'
  | 'unnamed-event'
  | 'duplicate-event-name'
  | 'unnamed-field'
  | 'duplicate-field-name'
  | 'enum-without-values'
  | 'source-normalised'
  | 'over-payload-budget'
  | 'over-schema-size'

export interface ExportProblem {
  rule: ProblemRule
  severity: 'error' | 'warning' | 'info'
  message: string
  /** The stickies behind it, for the dialog to select and zoom to. */
  elementIds: ElementId[]
}

export const defaultContextId = 'default'

const memberOfKind: Partial<Record<ElementKind, MemberKind>> = {
  command: 'command',
  aggregate: 'aggregate',
  policy: 'policy',
  readModel: 'readModel',
  actor: 'actor',
  externalSystem: 'externalSystem',
}

/** One value per domain event of the board, in timeline order, keyed by schema name unless `key` says otherwise. */
export function eachEvent<T>(
  contracts: ContractModel,
  make: (event: ContractEvent, context: ContractContext) => T,
  key = (event: ContractEvent) => event.schemaName,
): Record<string, T> {
  return Object.fromEntries(contracts.contexts.flatMap((context) => context.events.map((event) => [key(event), make(event, context)])))
}

/** The board's contracts: contexts in timeline order, each with its events in timeline order. */
export function contractModel(model: BoardModel, boardName: string): ContractModel {
  const problems: ExportProblem[] = []
  const board = { name: boardName, slug: kebabCase(boardName, 'board') }
  const elements = elementsOf(model)
  const outside = elements.filter((e) => e.contextId === null && (e.kind === 'event' || memberOfKind[e.kind]))
  const areas: Pick<BoundedContext, 'id' | 'name' | 'source' | 'team' | 'description'>[] = [...model.contexts]
  if (outside.some((e) => e.kind === 'event')) {
    areas.push({ id: defaultContextId, name: boardName || 'Board', source: '', team: '', description: `Events placed outside every bounded context of ${boardName || 'the board'}.` })
    problems.push({
      rule: 'outside-context',
      severity: 'warning',
      message: `${outside.filter((e) => e.kind === 'event').length} event(s) sit outside every bounded context; they are exported in a default context named after the board.`,
      elementIds: outside.filter((e) => e.kind === 'event').map((e) => e.id),
    })
  }

  const slugs = new Set<string>()
  const schemaNames = new Set<string>()
  // Each area's stickies, read once: a big board has thousands of stickies in dozens of contexts.
  const elementsIn = byArea(elements)
  const eventsIn = byArea(model.elements.event)
  const contexts = areas.map((area): ContractContext => {
    const slug = unique(kebabCase(area.name, 'context'), slugs, (name, n) => `${name}-${n}`)
    const source = eventSource(area.source, boardName, area.name)
    if (area.source.trim() !== '' && area.source.trim() !== source) {
      problems.push({ rule: 'source-normalised', severity: 'info', message: `The source “${area.source}” of ${area.name} is exported as ${source}.`, elementIds: [] })
    }
    const members = Object.fromEntries(memberKinds.map((kind) => [kind, [] as { id: ElementId; name: string }[]])) as ContextMembers
    for (const element of elementsIn.get(area.id) ?? []) {
      const kind = memberOfKind[element.kind]
      if (kind) members[kind].push({ id: element.id, name: element.text.trim() })
    }
    const events = (eventsIn.get(area.id) ?? []).map((event) => contractEvent(event, source, area.name, schemaNames, problems))
    return {
      id: area.id,
      name: area.name,
      slug,
      source,
      registryName: kebabCase(source.replace(/\./g, '-'), 'events', 64),
      team: area.team.trim(),
      description: area.description.trim(),
      events,
      members,
      services: [...new Set(events.map((e) => e.service))],
      sensitiveFields: events.flatMap((event) => sensitiveFields(event.fields).map((field) => ({ event: event.name, ...field }))),
    }
  })

  const relations = contextRelations(model, contexts)
  for (const relation of relations) {
    for (const name of relation.events) {
      const event = contexts.find((c) => c.slug === relation.publisher)?.events.find((e) => e.name === name)
      if (event && !event.consumers.includes(relation.consumer)) event.consumers.push(relation.consumer)
    }
  }
  if (model.elements.event.length === 0) {
    problems.push({ rule: 'no-events', severity: 'warning', message: 'The board has no domain events yet: there is no contract to export.', elementIds: [] })
  }
  return { board, contexts, relations, problems }
}

/** Elements by the id of the area they sit in (the default context's when outside every context), each list in the order given. */
function byArea<E extends ModelElement>(elements: readonly E[]): Map<string, E[]> {
  const groups = new Map<string, E[]>()
  for (const element of elements) {
    const area = element.contextId ?? defaultContextId
    const group = groups.get(area)
    if (group) group.push(element)
    else groups.set(area, [element])
  }
  return groups
}

function contractEvent(event: DomainEvent, source: string, contextName: string, schemaNames: Set<string>, problems: ExportProblem[]): ContractEvent {
  const base = pascalCase(event.text, 'UnnamedEvent')
  if (base === 'UnnamedEvent') {
    problems.push({ rule: 'unnamed-event', severity: 'warning', message: 'An event has no name; it is exported as UnnamedEvent.', elementIds: [event.id] })
  }
  const name = unique(`${source}@${base}`, schemaNames).slice(source.length + 1)
  if (name !== base) {
    problems.push({
      rule: 'duplicate-event-name',
      severity: 'error',
      message: `Two events of ${contextName} are both named ${base}; this one is exported as ${name}. Rename one of them.`,
      elementIds: [event.id],
    })
  }
  const fields = contractFields(event.contract.fields, `${name}`, event.id, problems)
  return {
    elementId: event.id,
    text: event.text,
    name,
    schemaName: `${source}@${name}`,
    qualifiedName: `${source}.${name}`,
    description: event.contract.description.trim(),
    version: `${event.contract.version}.0.0`,
    service: event.producer?.name.trim() || contextName,
    pivotal: event.pivotal,
    fields,
    severity: severityOf(fields),
    consumers: [],
  }
}

function contractFields(fields: readonly EventField[], path: string, elementId: ElementId, problems: ExportProblem[]): ContractField[] {
  const taken = new Set<string>()
  return fields.map((field, i) => {
    const written = propertyName(field.name, '')
    if (written === '') {
      problems.push({ rule: 'unnamed-field', severity: 'warning', message: `Field ${i + 1} of ${path} has no name; it is exported as field${i + 1}.`, elementIds: [elementId] })
    }
    const name = unique(written || `field${i + 1}`, taken)
    if (written !== '' && name !== written) {
      problems.push({ rule: 'duplicate-field-name', severity: 'error', message: `${path} has two fields named ${written}; one is exported as ${name}.`, elementIds: [elementId] })
    }
    const isEnum = field.type === 'enum' || (field.type === 'array' && field.itemType === 'enum')
    if (isEnum && field.enumValues.length === 0) {
      problems.push({ rule: 'enum-without-values', severity: 'warning', message: `${path}.${name} is an enum with no values; it is exported as a string.`, elementIds: [elementId] })
    }
    const hasFields = field.type === 'object' || (field.type === 'array' && field.itemType === 'object')
    return {
      name,
      type: field.type === 'enum' && field.enumValues.length === 0 ? 'string' : field.type,
      itemType: field.itemType === 'enum' && field.enumValues.length === 0 ? 'string' : field.itemType,
      enumValues: [...new Set(field.enumValues)],
      fields: hasFields ? contractFields(field.fields, `${path}.${name}`, elementId, problems) : [],
      required: field.required,
      description: field.description.trim(),
      example: field.example,
      sensitivity: field.sensitivity,
    }
  })
}

/** The personal and secret fields, each before those inside it, added to `found`: one array for a whole event, not one per field. */
function sensitiveFields(fields: readonly ContractField[], prefix = '', found: Omit<SensitiveField, 'event'>[] = []): Omit<SensitiveField, 'event'>[] {
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    if (field.sensitivity === 'pii' || field.sensitivity === 'secret') found.push({ path, sensitivity: field.sensitivity })
    sensitiveFields(field.fields, `${path}.`, found)
  }
  return found
}

function severityOf(fields: readonly ContractField[]): Severity {
  const found = sensitiveFields(fields).map((f) => f.sensitivity)
  return found.includes('secret') ? 'RED' : found.includes('pii') ? 'AMBER' : 'GREEN'
}

/** An event in one context flowing into a sticky of another: the second consumes what the first publishes. */
function contextRelations(model: BoardModel, contexts: readonly ContractContext[]): ContextRelation[] {
  const byElement = new Map(elementsOf(model).map((e) => [e.id, e]))
  const slugOf = new Map(contexts.map((c) => [c.id, c.slug]))
  const eventName = new Map(contexts.flatMap((c) => c.events.map((e) => [e.elementId, e.name])))
  const relations = new Map<string, ContextRelation>()
  for (const flow of model.flows) {
    const from = byElement.get(flow.from)
    const to = byElement.get(flow.to)
    if (from?.kind !== 'event' || !to) continue
    const publisher = slugOf.get((from.contextId as ContextId | null) ?? defaultContextId)
    const consumer = to.contextId === null ? undefined : slugOf.get(to.contextId)
    if (!publisher || !consumer || publisher === consumer) continue
    const key = `${publisher}→${consumer}`
    const relation = relations.get(key) ?? { publisher, consumer, events: [] }
    const name = eventName.get(from.id)!
    if (!relation.events.includes(name)) relation.events.push(name)
    relations.set(key, relation)
  }
  return [...relations.values()].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.consumer.localeCompare(b.consumer))
}
