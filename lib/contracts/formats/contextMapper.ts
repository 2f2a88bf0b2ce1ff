import { elementKindDefinitions } from '../../board/elementKinds.ts'
import type { ArrayItemType } from '../../board/eventContract.ts'
import type { ContractContext, ContractField, ContractModel, MemberKind } from '../contractModel.ts'
import type { ExportFile } from '../exportFiles.ts'
import { oneLine, pascalCase, unique, uniqueAcross } from '../names.ts'
import { memberNames } from './boundedContexts.ts'

/**
 * Context Mapper's CML (contextmapper.org): a context map in which the context
 * that publishes an event is upstream of each context whose stickies react to
 * it, and a bounded context per context. Its aggregates hold its domain events,
 * the events' fields become attributes and their objects value objects; its
 * commands go in its application layer. Written to the grammar of Context
 * Mapper 6 (ContextMappingDSL.xtext over TacticDDDLanguage.xtext).
 */

/**
 * Words the grammar reserves, read from both grammar files. An identifier
 * equal to one is written with Xtext's escape `^`, which the parser drops, so
 * an aggregate may be called Event or a field `type`. Case matters to Xtext.
 */
const keywords = new Set(
  `import ContextMap type state contains BoundedContext implements realizes refines domainVisionStatement responsibilities
  implementationTechnology knowledgeLevel businessModel evolution Domain Subdomain supports P Partnership SK Shared U D
  Upstream Downstream S C Customer Supplier exposedAggregates downstreamRights Aggregate useCases userStories features
  userRequirements owner likelihoodForChange structuralVolatility contentVolatility availabilityCriticality
  consistencyCriticality storageSimilarity securityCriticality securityZone securityAccessGroup Application Functionality
  sagaOrchestrator Flow delegates emits command operation initiated triggered event triggers X x O o UseCase actor
  secondaryActors interactions benefit scope level UserStory split As so a an the with in for to I create read update
  delete Module external basePackage hint PL OHS ACL CF UNDEFINED AS_IS TO_BE SYSTEM_LANDSCAPE ORGANIZATIONAL FEATURE
  APPLICATION SYSTEM TEAM CORE_DOMAIN SUPPORTING_DOMAIN GENERIC_SUBDOMAIN INFLUENCER OPINION_LEADER VETO_RIGHT
  DECISION_MAKER MONOPOLIST META CONCRETE NORMAL RARELY OFTEN HIGH LOW HUGE TINY GENESIS CUSTOM_BUILT PRODUCT COMMODITY
  ApplicationPart Service gap nogap webservice Resource scaffold path Consumer unmarshall queueName topicName subscribe
  eventBus publish void throws write None GET POST PUT DELETE cache query condition select groupBy orderBy construct
  build map AccessObject return Entity abstract extends package optimisticLocking auditable databaseTable
  discriminatorValue discriminatorColumn discriminatorType discriminatorLength inheritanceType validate aggregateRoot
  belongsTo ValueObject immutable persistent DomainEvent Event Command CommandEvent Trait def DataTransferObject
  BasicType key changeable required nullable index assertFalse assertTrue creditCardNumber digits email future past max
  min decimalMax decimalMin notEmpty notBlank pattern range size length scriptAssert url transient databaseColumn
  databaseType cascade fetch inverse databaseJoinTable databaseJoinColumn valid orderby orderColumn Repository inject
  enum aggregateLifecycle ordinal JOINED SINGLE_TABLE STRING CHAR INTEGER String int Integer long Long boolean Boolean
  Date DateTime Timestamp BigDecimal BigInteger double Double float Float Key PagingParameter PagedResult Blob Clob
  Object Set List Bag Collection Map public protected private not reference opposite`.split(/\s+/),
)

/** An identifier as CML reads it: `name` is already [A-Za-z_][A-Za-z0-9_]*. */
export const cmlId = (name: string) => (keywords.has(name) ? `^${name}` : name)

const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** What a CML string cannot hold as it is. */
const escaped = /[\\"\u0000-\u001f\u007f]/
const everyEscaped = new RegExp(escaped.source, 'g')

/** A CML string literal: Java's escapes, on one line. */
export function cmlString(text: string): string {
  // Most text has nothing to escape: tested first, it is not copied.
  if (!escaped.test(text)) return `"${text}"`
  return `"${text.replace(everyEscaped, (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`
}

const attributeTypes: Record<Exclude<ArrayItemType, 'object'>, string> = {
  string: 'String',
  number: 'double',
  integer: 'long',
  boolean: 'boolean',
  'date-time': 'DateTime',
  enum: 'String',
}

/** Stickies CML has no construct for: they go in as comments. */
const commentedKinds: MemberKind[] = ['actor', 'readModel', 'policy', 'externalSystem']

/** A value object for each object among an event's fields, named after the event and the field's path. */
interface ValueObject {
  name: string
  fields: readonly ContractField[]
}

/**
 * The names CML needs, unique where Context Mapper checks them: bounded
 * contexts among themselves, aggregates across the model, domain objects
 * (events, commands, value objects) across the model too.
 */
function cmlNames(contracts: ContractModel) {
  const contextNames = new Set<string>()
  const contexts = contracts.contexts.map((context) => unique(pascalCase(context.name, 'Context'), contextNames))
  // An event sits in the aggregate named after its producer: the aggregate flowing into it, the contract's producer, else its context.
  const aggregateGroups = contracts.contexts.map((context, i) => {
    const names = [...memberNames(context, 'aggregate'), ...context.services].map((name) => pascalCase(name, 'Aggregate'))
    return { prefix: contexts[i]!, names: [...new Map(names.map((name) => [name.toLowerCase(), name])).values()] }
  })
  const aggregates = uniqueAcross(aggregateGroups)
  const objectNames = new Set<string>()
  const events = uniqueAcross(
    contracts.contexts.map((context, i) => ({ prefix: contexts[i]!, names: context.events.map((event) => event.name) })),
    objectNames,
  )
  const commands = contracts.contexts.map((context) => memberNames(context, 'command').map((name) => unique(pascalCase(name, 'Command'), objectNames)))
  const objectOf = new Map<ContractField, string>()
  // A thousand events' fields bear a few dozen names, and their services fewer: each made PascalCase once.
  const pascal = new Map<string, string>()
  const pascalOf = (text: string, fallback: string) => {
    const key = `${fallback}:${text}`
    let name = pascal.get(key)
    if (name === undefined) pascal.set(key, (name = pascalCase(text, fallback)))
    return name
  }
  const valueObjectsOf = (owner: string, fields: readonly ContractField[]): ValueObject[] =>
    fields.flatMap((field) => {
      if (field.type !== 'object' && !(field.type === 'array' && field.itemType === 'object')) return []
      const name = unique(`${owner}${pascalOf(field.name, 'Value')}`, objectNames)
      objectOf.set(field, name)
      return [{ name, fields: field.fields }, ...valueObjectsOf(name, field.fields)]
    })
  const valueObjects = contracts.contexts.map((context, i) => context.events.map((_, e) => valueObjectsOf(events[i]![e]!, context.events[e]!.fields)))
  // Per context, each aggregate's name by the lower-case name it was made from: a map of a thousand events asks for an event's aggregate at every aggregate.
  const aggregateByName = aggregateGroups.map((group, i) => new Map(group.names.map((name, at) => [name.toLowerCase(), aggregates[i]![at]!])))
  const aggregateOf = (contextIndex: number, service: string) => aggregateByName[contextIndex]!.get(pascalOf(service, 'Aggregate').toLowerCase())!
  return { contexts, aggregates, events, commands, valueObjects, objectOf, aggregateOf }
}

type CmlNames = ReturnType<typeof cmlNames>

function attribute(field: ContractField, objectOf: CmlNames['objectOf'], out: CmlLines): void {
  const object = objectOf.get(field)
  const item = object === undefined ? attributeTypes[(field.type === 'array' ? field.itemType : field.type) as keyof typeof attributeTypes] : cmlId(object)
  // A value object is referenced, with `-`; a plain type is not.
  const declared = `${object === undefined ? '' : '- '}${field.type === 'array' ? `List<${item}>` : item} ${cmlId(field.name)}`
  const isEnum = field.type === 'enum' || (field.type === 'array' && field.itemType === 'enum')
  const oneOf = isEnum ? `one of: ${field.enumValues.join(', ')}` : ''
  const sensitivity = field.sensitivity === 'none' ? '' : field.sensitivity
  const hint = oneOf && sensitivity ? `${oneOf}; ${sensitivity}` : oneOf || sensitivity
  if (field.description) out.line(cmlString(field.description))
  // Written straight into one string: a map of a thousand events has ten thousand attributes.
  out.line(`${declared}${field.required ? '' : ' nullable'}${hint ? ` hint = ${cmlString(hint)}` : ''}`)
}

/** The lines of a CML file, each indented once as it is written (a map of a thousand events is tens of thousands of lines). */
class CmlLines {
  readonly lines: string[] = []
  private indent = ''
  line(text: string): void {
    this.lines.push(this.indent + text)
  }
  /** `opening {`, what `body` writes indented one level more, `}`. */
  block(opening: string, body: () => void): void {
    this.line(`${opening} {`)
    const outer = this.indent
    this.indent += '  '
    body()
    this.indent = outer
    this.line('}')
  }
}

function boundedContext(context: ContractContext, i: number, names: CmlNames, out: CmlLines): void {
  out.block(`BoundedContext ${cmlId(names.contexts[i]!)}`, () => {
    if (context.description) out.line(`domainVisionStatement = ${cmlString(context.description)}`)
    // A `//` comment ends at the line's end: sticky text goes in on one line.
    if (context.team) out.line(`// Team: ${oneLine(context.team)}`)
    out.line(`// Event source: ${context.source}`)
    for (const kind of commentedKinds) {
      const members = memberNames(context, kind)
      if (members.length > 0) out.line(`// ${elementKindDefinitions[kind].plural}: ${members.map(oneLine).join('; ')}`)
    }
    const commands = names.commands[i]!
    if (commands.length > 0) out.block('Application', () => commands.forEach((name) => out.line(`Command ${cmlId(name)}`)))
    const attributes = (fields: readonly ContractField[]) => fields.forEach((field) => attribute(field, names.objectOf, out))
    const aggregateOfEvent = context.events.map((event) => names.aggregateOf(i, event.service))
    for (const aggregate of names.aggregates[i]!) {
      out.block(`Aggregate ${cmlId(aggregate)}`, () =>
        context.events.forEach((event, e) => {
          if (aggregateOfEvent[e] !== aggregate) return
          if (event.pivotal) out.line('// Pivotal: a phase of the timeline ends with it')
          if (event.description) out.line(cmlString(event.description))
          out.block(`DomainEvent ${cmlId(names.events[i]![e]!)}`, () => attributes(event.fields))
          for (const object of names.valueObjects[i]![e]!) out.block(`ValueObject ${cmlId(object.name)}`, () => attributes(object.fields))
        }),
      )
    }
  })
}

function contextMap(contracts: ContractModel, names: CmlNames, out: CmlLines): void {
  const indexOf = (slug: string) => contracts.contexts.findIndex((context) => context.slug === slug)
  out.block(`ContextMap ${cmlId(pascalCase(contracts.board.name, 'Board'))}`, () => {
    out.line('type = SYSTEM_LANDSCAPE')
    if (names.contexts.length > 0) out.line(`contains ${names.contexts.map(cmlId).join(', ')}`)
    for (const relation of contracts.relations) {
      const up = indexOf(relation.publisher)
      const down = indexOf(relation.consumer)
      const publisher = contracts.contexts[up]!
      const exposed = [...new Set(relation.events.map((name) => names.aggregateOf(up, publisher.events.find((event) => event.name === name)!.service)))]
      // The events are the published language; how the consumer takes them in, the board does not say.
      out.line(`// ${names.contexts[down]} reacts to ${relation.events.join(', ')}`)
      out.block(`${cmlId(names.contexts[up]!)} [U,PL]->[D] ${cmlId(names.contexts[down]!)}`, () => out.line(`exposedAggregates = ${exposed.map(cmlId).join(', ')}`))
    }
  })
}

/** The map's text in pieces, a bounded context's lines each (see `ExportFile`): a map of a thousand events is most of a megabyte. */
function contextMapperPieces(contracts: ContractModel): string[] {
  const names = cmlNames(contracts)
  const out = new CmlLines()
  out.line(`// The bounded contexts of the EventStorming board ${oneLine(contracts.board.name)}: upstream contexts publish the events downstream ones react to.`)
  contextMap(contracts, names, out)
  contracts.contexts.forEach((context, i) => {
    out.line('')
    // Each context's lines joined as soon as it is written: thousands of short strings held to the end cost the garbage collector more than the joining.
    const lines = new CmlLines()
    boundedContext(context, i, names, lines)
    out.line(lines.lines.join('\n'))
  })
  out.line('')
  return out.lines.flatMap((line, i) => (i === 0 ? [line] : ['\n', line]))
}

export const contextMapperText = (contracts: ContractModel): string => contextMapperPieces(contracts).join('')

export const contextMapperFiles = (contracts: ContractModel): ExportFile[] => [{ path: 'context-map.cml', content: () => contextMapperPieces(contracts) }]
