import { type ElementKind, elementKindDefinitions } from '../board/elementKinds.ts'
import { type BoardModel, type ElementId, type ElementOfKind, type ModelElement, elementsOf } from './boardModel.ts'
import { groupBy } from './groupBy.ts'
import { isImperative, isPastTense, isQuestion, wordsOf } from './language.ts'

export type Severity = 'error' | 'warning' | 'info'

export type Rule =
  | 'duplicate-event'
  | 'event-not-past-tense'
  | 'command-not-imperative'
  | 'command-without-event'
  | 'event-without-fields'
  | 'outside-context'
  | 'open-hotspot'

/** Something on the board worth a second look; its elements are what the problems panel selects. */
export interface Finding {
  /** Stable while the problem lasts, so a panel can keep it selected across updates. */
  id: string
  rule: Rule
  severity: Severity
  message: string
  elementIds: ElementId[]
}

const severityOf: Record<Rule, Severity> = {
  // Two events of one name in one context would export as one contract.
  'duplicate-event': 'error',
  'event-not-past-tense': 'warning',
  'command-not-imperative': 'warning',
  'command-without-event': 'warning',
  'event-without-fields': 'warning',
  'outside-context': 'warning',
  // An open question is part of the workshop, not a mistake.
  'open-hotspot': 'info',
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** What a check sees: the model and its written stickies. */
interface Board {
  model: BoardModel
  /**
   * Stickies with at least one word: an empty sticky is one being written,
   * and nobody needs telling that it has no past tense yet.
   */
  written: ModelElement[]
}

type Check = (board: Board) => Finding[]

/** Everything the checks find on the board: errors first, then warnings, then notes; within each, by rule and timeline. */
export function checkModel(model: BoardModel): Finding[] {
  const board = { model, written: elementsOf(model).filter((e) => wordsOf(e.text).length > 0) }
  return checks.flatMap((check) => check(board)).sort((a, b) => severityRank[a.severity] - severityRank[b.severity])
}

function finding(rule: Rule, message: string, elements: readonly ModelElement[]): Finding {
  const elementIds = elements.map((e) => e.id)
  return { id: `${rule}:${elementIds.join('+')}`, rule, severity: severityOf[rule], message, elementIds }
}

const ofKind = <K extends ElementKind>(elements: readonly ModelElement[], kind: K) =>
  elements.filter((e): e is ElementOfKind<K> => e.kind === kind)

/** The sticky's text as a participant would point at it, shortened when long. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return `“${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}”`
}

const { example: eventExample } = elementKindDefinitions.event
const { example: commandExample } = elementKindDefinitions.command

const eventsInPastTense: Check = ({ written }) =>
  ofKind(written, 'event').flatMap((event) => {
    if (isQuestion(event.text)) {
      return [finding('event-not-past-tense', `${quote(event.text)} is a question. Put open questions on a hotspot and keep events for what happened.`, [event])]
    }
    if (isPastTense(event.text)) return []
    return [finding('event-not-past-tense', `${quote(event.text)} is not in the past tense. Name an event for what happened, like “${eventExample}”.`, [event])]
  })

const commandsInImperative: Check = ({ written }) =>
  ofKind(written, 'command').flatMap((command) => {
    if (isQuestion(command.text)) {
      return [finding('command-not-imperative', `${quote(command.text)} is a question. Put open questions on a hotspot and write a command as an instruction.`, [command])]
    }
    if (isImperative(command.text)) return []
    return [finding('command-not-imperative', `${quote(command.text)} does not read as an instruction. Start a command with its verb, like “${commandExample}”.`, [command])]
  })

/** Case and spacing do not make two events different. */
const normalName = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()

const duplicateEvents: Check = ({ model, written }) => {
  const groups = groupBy(ofKind(written, 'event'), (event) => JSON.stringify([event.contextId, normalName(event.text)]))
  const contextName = new Map(model.contexts.map((c) => [c.id, c.name]))
  return [...groups.values()]
    .filter((events) => events.length > 1)
    .map((events) => {
      const first = events[0]!
      const where = first.contextId === null ? (model.contexts.length > 0 ? ' outside any context' : '') : ` in ${contextName.get(first.contextId)}`
      return finding(
        'duplicate-event',
        `${events.length} events${where} are called ${quote(first.text)}. Merge them, or name them apart: they would export as one contract.`,
        events,
      )
    })
}

/** What may stand between a command and its event: whatever handles the command. */
const handlerKinds: ReadonlySet<ElementKind> = new Set(['aggregate', 'externalSystem'])

const commandsWithEvents: Check = ({ model, written }) => {
  const kindOf = new Map(elementsOf(model).map((e) => [e.id, e.kind]))
  const flowsFrom = groupBy(model.flows, (flow) => flow.from)
  const leadsToEvent = (id: ElementId, throughHandler: boolean): boolean =>
    (flowsFrom.get(id) ?? []).some(({ to }) => {
      const kind = kindOf.get(to)
      return kind === 'event' || (throughHandler && kind !== undefined && handlerKinds.has(kind) && leadsToEvent(to, false))
    })
  return ofKind(written, 'command')
    .filter((command) => !leadsToEvent(command.id, true))
    .map((command) =>
      finding('command-without-event', `${quote(command.text)} has no resulting event. Put the event it causes to its right, or draw an arrow to it.`, [command]),
    )
}

const eventsWithFields: Check = ({ model, written }) =>
  model.level !== 'design'
    ? []
    : ofKind(written, 'event')
        .filter((event) => event.contract.fields.length === 0)
        .map((event) =>
          finding('event-without-fields', `${quote(event.text)} has no data fields. At design level each event lists the data it carries.`, [event]),
        )

/** Kinds that live inside a context; actors and external systems stand outside by nature, notes anywhere. */
const contextBoundKinds: ReadonlySet<ElementKind> = new Set(['event', 'command', 'aggregate', 'policy', 'readModel'])

const elementsInContexts: Check = ({ model, written }) =>
  model.contexts.length === 0
    ? []
    : written
        .filter((e) => e.contextId === null && contextBoundKinds.has(e.kind))
        .map((e) =>
          finding('outside-context', `${quote(e.text)} is outside every bounded context. Move it into the context it belongs to.`, [e]),
        )

const openHotspots: Check = ({ written }) =>
  ofKind(written, 'hotspot')
    .filter((hotspot) => !hotspot.resolved)
    .map((hotspot) => finding('open-hotspot', `Open hotspot: ${quote(hotspot.text)}. Mark it resolved once it is answered.`, [hotspot]))

const checks: readonly Check[] = [
  duplicateEvents,
  eventsInPastTense,
  commandsInImperative,
  commandsWithEvents,
  eventsWithFields,
  elementsInContexts,
  openHotspots,
]
