import { type CompatibilityMode, type SchemaChange, breaksMode, checkCompatibility, eventListChanges, nextVersion } from './compatibility.ts'
import type { ContractModel } from './contractModel.ts'
import { type JsonSchema, dataSchema } from './dataSchema.ts'

/**
 * Contracts across exports: each export records the contract of every event;
 * the next one is compared with the ones before, its changes classified for
 * consumers, and each event's semantic version follows from them.
 */

/** What an export records of one event: its sticky (to recognise a rename), its version, its data schema. */
export interface RecordedContract {
  elementId: string
  version: string
  schema: JsonSchema
}

/** By schema name. */
export type ContractSnapshot = Record<string, RecordedContract>

export type EventStatus = 'added' | 'changed' | 'unchanged' | 'renamed' | 'removed'

export interface EventChangeReport {
  schemaName: string
  status: EventStatus
  /** For a renamed event: the name it was exported under before. */
  previousName?: string
  from: string | null
  to: string | null
  /** Under the board's mode. */
  compatible: boolean
  /** Since the last export. */
  changes: SchemaChange[]
  /** What the mode refuses, against every export it checks. */
  breaking: SchemaChange[]
}

export interface ChangeReport {
  mode: CompatibilityMode
  /** How many earlier exports there were. */
  previousExports: number
  compatible: boolean
  events: EventChangeReport[]
}

/** What an export records: the data schema of each event as every format carries it. */
export function snapshotOf(contracts: ContractModel): ContractSnapshot {
  return Object.fromEntries(
    contracts.contexts.flatMap((context) =>
      context.events.map((event) => [event.schemaName, { elementId: event.elementId, version: event.version, schema: dataSchema(event, 'draft-07') }]),
    ),
  )
}

/**
 * The contracts with the versions their history gives them, and the report
 * of what changed since the last export (`history` oldest first). With no
 * history, each event keeps the version its contract panel gives it.
 */
export function compareWithHistory(history: readonly ContractSnapshot[], contracts: ContractModel, mode: CompatibilityMode): { contracts: ContractModel; report: ChangeReport } {
  const last = history.at(-1) ?? {}
  const current = snapshotOf(contracts)
  const renamedFrom = renames(last, current)
  const events: EventChangeReport[] = []
  const versioned = contracts.contexts.map((context) => ({
    ...context,
    events: context.events.map((event) => {
      const report = eventReport(event.schemaName, current[event.schemaName]!, history, renamedFrom.get(event.schemaName), mode)
      events.push(report)
      const version = atLeast(report.to!, event.version)
      // The same event while its version stands, so what was built of it (its schemas, their texts) serves the export.
      return version === event.version ? event : { ...event, version }
    }),
  }))
  const renamedAway = new Set(renamedFrom.values())
  for (const removed of eventListChanges(Object.keys(last), Object.keys(current)).filter((c) => c.kind === 'event-removed' && !renamedAway.has(c.path))) {
    const breaking = breaksMode(removed, mode) ? [removed] : []
    events.push({ schemaName: removed.path, status: 'removed', from: last[removed.path]!.version, to: null, compatible: breaking.length === 0, changes: [removed], breaking })
  }
  events.sort((a, b) => a.schemaName.localeCompare(b.schemaName))
  return {
    contracts: { ...contracts, contexts: versioned },
    report: { mode, previousExports: history.length, compatible: events.every((e) => e.compatible), events },
  }
}

function eventReport(schemaName: string, now: RecordedContract, history: readonly ContractSnapshot[], previousName: string | undefined, mode: CompatibilityMode): EventChangeReport {
  const name = previousName ?? schemaName
  const versions = history.map((snapshot) => snapshot[name]).filter((v): v is RecordedContract => v !== undefined)
  const before = versions.at(-1)
  if (!before) return { schemaName, status: 'added', from: null, to: now.version, compatible: true, changes: [], breaking: [] }
  const verdict = checkCompatibility(
    versions.map((v) => v.schema),
    now.schema,
    mode,
  )
  if (previousName) {
    // Consumers subscribe by name: for them the old event stopped and a new one began.
    const removed = eventListChanges([previousName], [])
    const changes = [...removed, ...verdict.changes]
    const breaking = removed.filter((c) => breaksMode(c, mode))
    return { schemaName, status: 'renamed', previousName, from: before.version, to: nextVersion(before.version, { changes }), compatible: breaking.length === 0, changes, breaking }
  }
  const status = verdict.changes.length === 0 ? 'unchanged' : 'changed'
  return { schemaName, status, from: before.version, to: nextVersion(before.version, verdict), compatible: verdict.compatible, changes: verdict.changes, breaking: verdict.breaking }
}

/** New schema names whose sticky was exported under another name last time, which is gone now. */
function renames(last: ContractSnapshot, current: ContractSnapshot): Map<string, string> {
  const byElement = new Map(Object.entries(last).map(([name, recorded]) => [recorded.elementId, name]))
  const renamed = new Map<string, string>()
  for (const [name, recorded] of Object.entries(current)) {
    const before = byElement.get(recorded.elementId)
    if (!(name in last) && before !== undefined && !(before in current)) renamed.set(name, before)
  }
  return renamed
}

const major = (version: string) => Number(version.split('.')[0])

/** The history's version, unless the contract panel asks for a higher major one. */
const atLeast = (version: string, fromPanel: string) => (major(fromPanel) > major(version) ? fromPanel : version)
