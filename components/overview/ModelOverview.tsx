'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { type ElementKind, elementKindDefinitions } from '@/lib/board/elementKinds'
import type { EventField } from '@/lib/board/eventContract'
import { workshopLevelLabels } from '@/lib/board/workshopLevel'
import { boardPath } from '@/lib/boards/boardJson'
import { type BoardModel, type DomainEvent, type ModelElement, elementsOf } from '@/lib/model/boardModel'
import type { Finding } from '@/lib/model/checks'
import { boardJson } from '../board/boardApi'
import { useBoardAccess } from '../board/useBoardAccess'

/** What each context lists besides its timeline of events, in the order the grammar reads. */
const memberKinds: ElementKind[] = ['actor', 'readModel', 'command', 'aggregate', 'externalSystem', 'policy']
/** Notes of the workshop, listed once for the whole board. */
const noteKinds: ElementKind[] = ['hotspot', 'opportunity', 'glossary']

/**
 * The board's model as a document to read and print: each bounded context
 * with its timeline of events (their contracts too) and its members, what
 * lies outside every context, the workshop's notes, and the checks' findings.
 */
export function ModelOverview({ boardId }: { boardId: string }) {
  const access = useBoardAccess(boardId)
  const [answer, setAnswer] = useState<{ model: BoardModel; findings: Finding[] }>()
  const [error, setError] = useState<string>()
  const board = access.status === 'open' ? access.board : undefined

  useEffect(() => {
    if (!board) return
    document.title = `${board.name}: model overview`
    boardJson<{ model: BoardModel; findings: Finding[] }>(board, 'model')
      .then(setAnswer)
      .catch((reason: unknown) => setError(`The model could not be read: ${String(reason)}`))
  }, [board])

  if (access.status === 'refused') return <main className="overview"><h1>{access.title}</h1><p>{access.message}</p></main>
  if (!board || (!answer && !error)) return <main className="overview"><p>Reading the model…</p></main>
  if (!answer) return <main className="overview"><p role="alert">{error}</p></main>

  const { model, findings } = answer
  const byId = new Map(elementsOf(model).map((e) => [e.id, e]))
  const elements = (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? [])
  return (
    <main className="overview">
      <header className="overview__header">
        <h1>{board.name}</h1>
        <p>
          {workshopLevelLabels[model.level]} · {model.timeline.length} domain events · {model.contexts.length} bounded contexts
        </p>
        <div className="overview__actions">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <Link href={boardPath(board.id)}>Back to the board</Link>
        </div>
      </header>
      {model.contexts.map((context) => (
        <ElementsSection
          key={context.id}
          title={context.name || 'Unnamed context'}
          meta={[context.source, context.team && `team ${context.team}`].filter(Boolean).join(' · ')}
          description={context.description}
          elements={elements(context.elementIds)}
        />
      ))}
      {model.outsideContexts.length > 0 && (
        <ElementsSection title={model.contexts.length > 0 ? 'Outside every context' : 'The board'} elements={elements(model.outsideContexts)} />
      )}
      <NotesSection model={model} />
      {findings.length > 0 && (
        <section className="overview__section">
          <h2>Problems the checks found</h2>
          <ul>
            {findings.map((finding) => (
              <li key={finding.id}>{finding.message}</li>
            ))}
          </ul>
        </section>
      )}
    </main>
  )
}

function ElementsSection({ title, meta, description, elements }: { title: string; meta?: string; description?: string; elements: ModelElement[] }) {
  const events = elements.filter((e): e is DomainEvent => e.kind === 'event')
  return (
    <section className="overview__section">
      <h2>{title}</h2>
      {meta && <p className="overview__meta">{meta}</p>}
      {description && <p>{description}</p>}
      {events.length > 0 && (
        <>
          <h3>Timeline</h3>
          <ol className="overview__timeline">
            {events.map((event) => (
              <EventItem key={event.id} event={event} />
            ))}
          </ol>
        </>
      )}
      <dl className="overview__members">
        {memberKinds.map((kind) => {
          const members = elements.filter((e) => e.kind === kind)
          return (
            members.length > 0 && (
              <div key={kind}>
                <dt>{elementKindDefinitions[kind].plural}</dt>
                <dd>{members.map((m) => m.text).join(' · ')}</dd>
              </div>
            )
          )
        })}
      </dl>
    </section>
  )
}

function EventItem({ event }: { event: DomainEvent }) {
  const { description, version, fields } = event.contract
  return (
    <li>
      <strong>{event.text}</strong>
      {event.pivotal && <span className="overview__pivotal"> pivotal</span>}
      {fields.length > 0 && <span className="overview__meta"> · version {version}</span>}
      {description && <p>{description}</p>}
      {fields.length > 0 && (
        <table className="overview__fields">
          <thead>
            <tr>
              <th>Field</th>
              <th>Type</th>
              <th>Required</th>
              <th>Sensitivity</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {flatFields(fields).map(({ path, field }) => (
              <tr key={path}>
                <td>{path}</td>
                <td>{typeOf(field)}</td>
                <td>{field.required ? 'yes' : 'no'}</td>
                <td>{field.sensitivity === 'none' ? '' : field.sensitivity}</td>
                <td>{field.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  )
}

function NotesSection({ model }: { model: BoardModel }) {
  const notes = noteKinds.filter((kind) => model.elements[kind].length > 0)
  if (notes.length === 0) return null
  return (
    <section className="overview__section">
      <h2>Notes of the workshop</h2>
      {notes.map((kind) => (
        <div key={kind}>
          <h3>{elementKindDefinitions[kind].plural}</h3>
          <ul>
            {model.elements[kind].map((note) => (
              <li key={note.id}>
                {note.text}
                {note.kind === 'hotspot' && note.resolved && <span className="overview__meta"> (resolved)</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

/** Nested fields as dotted paths: `customer.email`, `lines[].sku`. */
function flatFields(fields: EventField[], prefix = ''): { path: string; field: EventField }[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name || '(unnamed)'}`
    return [{ path, field }, ...flatFields(field.fields, `${path}${field.type === 'array' ? '[]' : ''}.`)]
  })
}

function typeOf(field: EventField): string {
  const base = field.type === 'array' ? `array of ${field.itemType}` : field.type
  const isEnum = field.type === 'enum' || (field.type === 'array' && field.itemType === 'enum')
  return isEnum && field.enumValues.length > 0 ? `${base}: ${field.enumValues.join(', ')}` : base
}
