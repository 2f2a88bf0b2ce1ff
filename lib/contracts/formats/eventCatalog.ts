import { elementKindDefinitions } from '../../board/elementKinds.ts'
import { type ContractContext, type ContractEvent, type ContractModel, type Severity, memberKinds } from '../contractModel.ts'
import { asTexts, detailDocument } from '../eventEnvelope.ts'
import { jsonText } from '../jsonText.ts'
import { type ExportFile, jsonFile } from '../exportFiles.ts'
import { type YamlObject, markdownDocument, markdownText } from '../markdown.ts'
import { kebabCase, oneLine, pascalCase, unique, uniqueAcross } from '../names.ts'
import { memberNames } from './boundedContexts.ts'

/**
 * EventCatalog (eventcatalog.dev): a catalog folder a team copies into its
 * own. A domain per context, in it a service per producing service with the
 * events it sends, each event with the draft-07 schema of its detail beside
 * it, and a team per context's team. Written for EventCatalog's linter to
 * pass with its default rules: a summary and an owner that exists on every
 * resource, every reference resolving, semantic versions.
 */

/** The board versions its events only; its domains and services start at 1.0.0. */
const resourceVersion = '1.0.0'

/** Who owns a context the board names no team for: a placeholder that says so. */
const unassignedTeam = 'Unassigned'

interface CatalogEvent {
  event: ContractEvent
  id: string
}

interface CatalogService {
  name: string
  id: string
  events: CatalogEvent[]
}

interface CatalogDomain {
  context: ContractContext
  id: string
  teamId: string
  services: CatalogService[]
  /** Events of other contexts that this one's stickies react to; which of its services takes them in, the board does not say. */
  receives: CatalogEvent[]
}

interface CatalogTeam {
  id: string
  name: string
  contexts: ContractContext[]
}

const serviceSlug = (name: string) => {
  const slug = kebabCase(name, 'service')
  return slug.endsWith('service') ? slug : `${slug}-service`
}

/**
 * Ids as the catalog needs them: unique per kind, and a service's never a
 * domain's, since the SDK finds any resource by id alone. An event keeps its
 * name unless another context has one of the same name.
 */
function catalogPlan(contracts: ContractModel): { domains: CatalogDomain[]; teams: CatalogTeam[] } {
  const { contexts } = contracts
  const serviceIds = uniqueAcross(
    contexts.map((context) => ({ prefix: `${context.slug}-`, names: context.services.map(serviceSlug) })),
    new Set(contexts.map((context) => context.slug)),
  )
  const eventIds = uniqueAcross(contexts.map((context) => ({ prefix: pascalCase(context.name, 'Context'), names: context.events.map((event) => event.name) })))
  const catalogEvents = contexts.map((context, c) => context.events.map((event, e): CatalogEvent => ({ event, id: eventIds[c]![e]! })))

  const teamIds = new Map<string, string>()
  const taken = new Set<string>()
  const teamName = (context: ContractContext) => context.team || unassignedTeam
  for (const context of contexts) {
    if (!teamIds.has(teamName(context))) teamIds.set(teamName(context), unique(kebabCase(teamName(context), 'team'), taken, (name, n) => `${name}-${n}`))
  }

  const domains = contexts.map(
    (context, c): CatalogDomain => ({
      context,
      id: context.slug,
      teamId: teamIds.get(teamName(context))!,
      services: context.services.map((name, s) => ({ name, id: serviceIds[c]![s]!, events: catalogEvents[c]!.filter(({ event }) => event.service === name) })),
      receives: contracts.relations
        .filter((relation) => relation.consumer === context.slug)
        .flatMap((relation) => catalogEvents[contexts.findIndex((publisher) => publisher.slug === relation.publisher)]!.filter(({ event }) => relation.events.includes(event.name))),
    }),
  )
  const teams = [...teamIds].map(([name, id]) => ({ id, name, contexts: contexts.filter((context) => teamName(context) === name) }))
  return { domains, teams }
}

/** Folder names the catalog's tools read a meaning into: the SDK leaves out everything under them when it lists another kind. */
const reservedFolders = new Set(['domains', 'subdomains', 'services', 'events', 'commands', 'queries', 'channels', 'flows', 'entities', 'containers', 'data-products', 'data-stores', 'agents', 'systems', 'adrs', 'diagrams', 'teams', 'users', 'versioned'])

/**
 * A resource's folder: its id, unless the tools would misread it. Besides the
 * reserved names, the linter skips any path containing "dependencies/" (its
 * default ignore pattern, matched anywhere). An id never holds `_`, so
 * appending one cannot make two folders alike.
 */
const folderOf = (id: string) => (reservedFolders.has(id) || id.endsWith('dependencies') ? `${id}_` : id)

const pointer = (id: string, version: string) => ({ id, version })

const badgeColours: Record<Severity, string> = { GREEN: 'green', AMBER: 'orange', RED: 'red' }
const severityMeaning: Record<Severity, string> = { GREEN: 'carries neither personal data nor secrets', AMBER: 'carries personal data', RED: 'carries secrets' }

/** The event's schema file: the draft-07 schema of its detail, metadata and data. */
export const eventCatalogSchema = detailDocument

const displayName = (text: string, fallback: string) => oneLine(text) || fallback

const bullets = (items: [label: string, value: string][]) => items.filter(([, value]) => value !== '').map(([label, value]) => `- **${label}:** ${value}`)

/** The event's page: its frontmatter for the catalog, and what it is, in prose. */
function eventPage({ event, id }: CatalogEvent, domain: CatalogDomain, board: string): string {
  const { context } = domain
  const frontmatter: YamlObject = {
    id,
    name: displayName(event.text, event.name),
    version: event.version,
    summary: event.description || `${displayName(event.text, event.name)}, published by ${oneLine(event.service) || 'its service'} in ${displayName(context.name, context.slug)}.`,
    owners: [domain.teamId],
    schemaPath: 'schema.json',
    badges: [
      { content: `Severity: ${event.severity}`, backgroundColor: badgeColours[event.severity], textColor: badgeColours[event.severity] },
      ...(event.pivotal ? [{ content: 'Pivotal event', backgroundColor: 'purple', textColor: 'purple' }] : []),
    ],
  }
  const sensitive = context.sensitiveFields.filter((field) => field.event === event.name).map((field) => `\`${field.path}\` (${field.sensitivity})`)
  const body = [
    '## Overview',
    '',
    markdownText(event.description || `${oneLine(event.text) || event.name} happens in ${oneLine(context.name) || context.slug}, on the EventStorming board ${oneLine(board)}.`),
    '',
    ...bullets([
      ['EventBridge source and detail type', `\`${context.source}\`, \`${event.name}\``],
      ['Schema name', `\`${event.schemaName}\``],
      ['Severity', `${event.severity} (${severityMeaning[event.severity]})`],
      ['Sensitive fields', sensitive.join(', ')],
      ['Consumed by', event.consumers.join(', ')],
    ]),
    '',
    '<SchemaViewer file="schema.json" title="Detail: metadata and data" />',
    '',
    '<NodeGraph />',
  ]
  return markdownDocument(frontmatter, body.join('\n'))
}

const eventFiles = (folder: string, catalogEvent: CatalogEvent, domain: CatalogDomain, board: string): ExportFile[] => [
  { path: `${folder}/index.mdx`, content: () => eventPage(catalogEvent, domain, board) },
  jsonFile(`${folder}/schema.json`, () => jsonText(asTexts.detailDocument(catalogEvent.event, domain.context))),
]

function servicePage(service: CatalogService, domain: CatalogDomain, board: string): string {
  const contextName = displayName(domain.context.name, domain.context.slug)
  const sent = service.events.map(({ event }) => event.name).join(', ')
  const frontmatter: YamlObject = {
    id: service.id,
    name: displayName(service.name, service.id),
    version: resourceVersion,
    summary: `Publishes ${sent} in ${contextName}.`,
    owners: [domain.teamId],
    sends: service.events.map(({ event, id }) => pointer(id, event.version)),
  }
  const body = ['## Overview', '', markdownText(`${displayName(service.name, service.id)} publishes ${sent} in ${contextName}, on the EventStorming board ${oneLine(board)}.`), '', '<NodeGraph />']
  return markdownDocument(frontmatter, body.join('\n'))
}

const serviceFiles = (folder: string, service: CatalogService, domain: CatalogDomain, board: string): ExportFile[] => [
  { path: `${folder}/index.mdx`, content: () => servicePage(service, domain, board) },
  ...service.events.flatMap((event) => eventFiles(`${folder}/events/${folderOf(event.id)}`, event, domain, board)),
]

function domainPage(domain: CatalogDomain, board: string): string {
  const { context } = domain
  const name = displayName(context.name, context.slug)
  const summary = context.description || `${name}, a bounded context of the EventStorming board ${oneLine(board)}.`
  const frontmatter: YamlObject = {
    id: domain.id,
    name,
    version: resourceVersion,
    summary,
    owners: [domain.teamId],
    services: domain.services.map((service) => pointer(service.id, resourceVersion)),
    ...(domain.receives.length > 0 ? { receives: domain.receives.map(({ event, id }) => pointer(id, event.version)) } : {}),
  }
  const body = [
    '## Overview',
    '',
    markdownText(summary),
    '',
    ...bullets([
      ['Event source', `\`${context.source}\``],
      ['Team', markdownText(context.team)],
      ...memberKinds.map((kind): [string, string] => [elementKindDefinitions[kind].plural, memberNames(context, kind).map(markdownText).join('; ')]),
    ]),
    '',
    '<NodeGraph />',
  ]
  return markdownDocument(frontmatter, body.join('\n'))
}

function domainFiles(domain: CatalogDomain, board: string): ExportFile[] {
  const folder = `eventcatalog/domains/${folderOf(domain.id)}`
  return [
    { path: `${folder}/index.mdx`, content: () => domainPage(domain, board) },
    ...domain.services.flatMap((service) => serviceFiles(`${folder}/services/${folderOf(service.id)}`, service, domain, board)),
  ]
}

function teamFile(team: CatalogTeam, board: string): ExportFile {
  const owned = team.contexts.map((context) => displayName(context.name, context.slug)).join(', ')
  const summary =
    team.name === unassignedTeam
      ? `Stands in for the owners of ${owned}, for which the EventStorming board ${oneLine(board)} names no team.`
      : `Owns ${owned} on the EventStorming board ${oneLine(board)}.`
  return { path: `eventcatalog/teams/${team.id}.mdx`, content: () => markdownDocument({ id: team.id, name: oneLine(team.name), summary }, markdownText(summary)) }
}

export function eventCatalogFiles(contracts: ContractModel): ExportFile[] {
  const { domains, teams } = catalogPlan(contracts)
  const board = contracts.board.name
  return [...domains.flatMap((domain) => domainFiles(domain, board)), ...teams.map((team) => teamFile(team, board))]
}
