import { type ContractContext, type ContractModel, type MemberKind, memberKinds } from '../contractModel.ts'
import { type ExportFile, indentedJsonText } from '../exportFiles.ts'

/**
 * The board's bounded contexts as one JSON document: what each context
 * publishes and holds, which contexts consume which events, and the problems
 * met on the way. For scripts and tools of a team's own.
 */

const memberKeys: Record<MemberKind, string> = {
  command: 'commands',
  aggregate: 'aggregates',
  policy: 'policies',
  readModel: 'readModels',
  actor: 'actors',
  externalSystem: 'externalSystems',
}

/** The names on a context's stickies of one kind; a blank sticky says nothing, so it is left out. */
export const memberNames = (context: ContractContext, kind: MemberKind) => context.members[kind].map((member) => member.name).filter((name) => name !== '')

export function boundedContextsDocument(contracts: ContractModel) {
  return {
    board: contracts.board,
    contexts: contracts.contexts.map((context) => ({
      name: context.name,
      slug: context.slug,
      source: context.source,
      team: context.team,
      description: context.description,
      services: context.services,
      events: context.events.map((event) => ({
        name: event.name,
        schemaName: event.schemaName,
        version: event.version,
        service: event.service,
        pivotal: event.pivotal,
        severity: event.severity,
        consumers: event.consumers,
        description: event.description,
      })),
      ...Object.fromEntries(memberKinds.map((kind) => [memberKeys[kind], memberNames(context, kind)])),
      sensitiveFields: context.sensitiveFields,
    })),
    relations: contracts.relations,
    problems: contracts.problems,
  }
}

export const boundedContextsFiles = (contracts: ContractModel): ExportFile[] => [{ path: 'contexts.json', content: () => indentedJsonText(boundedContextsDocument(contracts)) }]
