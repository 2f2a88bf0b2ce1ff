'use client'

import { useCallback, useEffect, useState } from 'react'
import { useEditor } from 'tldraw'
import { can } from '@/lib/auth/roles'
import type { CompatibilityMode } from '@/lib/contracts/compatibility'
import type { ChangeReport, EventChangeReport } from '@/lib/contracts/contractHistory'
import type { ContractModel, ExportProblem } from '@/lib/contracts/contractModel'
import { BoardDialog } from './BoardDialog'
import { boardFetch, boardJson, download } from './boardApi'
import { showElements } from './editor/boardModel'
import type { OpenBoard } from './useBoardAccess'

interface FormatSummary {
  id: string
  title: string
  description: string
  answer: 'json' | 'text' | 'zip'
}

interface Pending {
  contracts: ContractModel
  report: ChangeReport
  exports: number
  formats: FormatSummary[]
  /** The registries this server may publish to, for a facilitator. */
  publishTo: ('eventbridge' | 'confluent')[]
}

interface PublishAnswer {
  results: { outcome: string }[]
  stopped?: { code: string; message: string }
}

const registryNames = { eventbridge: 'Amazon EventBridge Schema Registry', confluent: 'the schema registry' } as const

const modes: CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE']
const severityIcon = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const
/** Previews show the start of big documents; downloads hold everything. */
const previewChars = 60_000

const statusText: Record<EventChangeReport['status'], string> = {
  added: 'new',
  changed: 'changed',
  unchanged: 'unchanged',
  renamed: 'renamed',
  removed: 'removed',
}

/**
 * The workshop's contracts, taken home: what the export holds and what is
 * wrong with it (a click shows the sticky), what changed since the last
 * export and whether consumers break, each format to preview, copy and
 * download, and the whole bundle.
 */
export function ExportDialog({ board, onClose }: { board: OpenBoard; onClose(): void }) {
  const editor = useEditor()
  const [pending, setPending] = useState<Pending>()
  const [format, setFormat] = useState<string>()
  const [preview, setPreview] = useState<string>()
  const [message, setMessage] = useState<string>()

  const refresh = useCallback(async () => {
    try {
      setPending(await boardJson<Pending>(board, 'contracts'))
    } catch (error) {
      setMessage(`The contracts could not be read: ${String(error)}`)
    }
  }, [board])
  useEffect(() => void refresh(), [refresh])

  const open = async (id: string) => {
    setFormat(id)
    setPreview(undefined)
    try {
      const text = await (await boardFetch(board, `export/${id}`)).text()
      setPreview(text.length > previewChars ? `${text.slice(0, previewChars)}\n…` : text)
    } catch (error) {
      setMessage(String(error))
    }
  }
  const copy = async (id: string) => {
    await navigator.clipboard.writeText(await (await boardFetch(board, `export/${id}`)).text())
    setMessage('Copied.')
  }
  const save = async (id: string) => download(await boardFetch(board, `export/${id}`), `${id}.json`)
  const saveBundle = async () => {
    try {
      // Recorded first: the next export's change report compares with what this one holds.
      await boardFetch(board, 'contracts/history', { method: 'POST' })
      await download(await boardFetch(board, 'export/bundle'), 'contracts.zip')
      setMessage('Bundle downloaded; the next export is compared with it.')
      await refresh()
    } catch (error) {
      setMessage(`The bundle could not be exported: ${String(error)}`)
    }
  }
  const publish = async (target: Pending['publishTo'][number]) => {
    const events = pending?.contracts.contexts.flatMap((c) => c.events).length ?? 0
    if (!confirm(`Publish ${events} event schemas to ${registryNames[target]}? Consumers there see them at once.`)) return
    try {
      const answer = await boardJson<PublishAnswer>(board, `publish/${target}`, { method: 'POST' })
      const failed = answer.results.filter((r) => r.outcome === 'failed').length
      setMessage(answer.stopped ? `Publishing stopped: ${answer.stopped.message}` : `Published: ${answer.results.length - failed} done, ${failed} refused.`)
      await refresh()
    } catch (error) {
      setMessage(`Not published: ${String(error)}`)
    }
  }
  const changeMode = async (mode: string) => {
    await boardFetch(board, 'contracts/mode', { method: 'PUT', body: JSON.stringify({ mode }) })
    await refresh()
  }

  const events = pending?.contracts.contexts.flatMap((c) => c.events) ?? []
  const changed = pending?.report.events.filter((e) => e.status !== 'unchanged') ?? []
  return (
    <BoardDialog title="Export contracts" className="es-export" onClose={onClose}>
      {message && <p role="status">{message}</p>}
      {pending && (
        <>
          <p>
            {pending.contracts.contexts.length} bounded contexts · {events.length} events · {pending.exports} earlier exports
          </p>
          <Problems problems={pending.contracts.problems} onShow={(ids) => showElements(editor, ids)} />
          <section aria-label="Changes since the last export">
            <h3>Changes since the last export</h3>
            <label>
              Compatibility{' '}
              <select value={pending.report.mode} disabled={!can(board.role, 'facilitate')} onChange={(e) => void changeMode(e.target.value)}>
                {modes.map((mode) => (
                  <option key={mode}>{mode}</option>
                ))}
              </select>
            </label>
            {pending.exports === 0 ? (
              <p>First export: every event starts at the version its contract gives.</p>
            ) : changed.length === 0 ? (
              <p>No contract changed.</p>
            ) : (
              <>
                <p data-testid="compatibility">{pending.report.compatible ? `Compatible under ${pending.report.mode}.` : `Breaks ${pending.report.mode}: consumers of the last export break.`}</p>
                <ul className="es-export__changes">
                  {changed.map((event) => (
                    <li key={event.schemaName} data-status={event.status}>
                      <strong>{event.schemaName}</strong> {statusText[event.status]}
                      {event.from && event.to && event.from !== event.to && ` · ${event.from} → ${event.to}`}
                      <ul>
                        {event.changes.map((change) => (
                          <li key={`${change.kind} ${change.path}`} data-breaking={event.breaking.some((b) => b.message === change.message)}>
                            {change.message}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-label="Formats">
            <h3>Formats</h3>
            <ul className="es-export__formats">
              {pending.formats.map((f) => (
                <li key={f.id}>
                  <strong>{f.title}</strong>
                  <span>{f.description}</span>
                  {f.answer !== 'zip' && (
                    <>
                      <button type="button" onClick={() => void open(f.id)}>
                        Preview
                      </button>
                      <button type="button" onClick={() => void copy(f.id)}>
                        Copy
                      </button>
                    </>
                  )}
                  <button type="button" onClick={() => void save(f.id)}>
                    Download
                  </button>
                </li>
              ))}
            </ul>
            {format && (
              <pre className="es-export__preview" aria-label={`Preview of ${format}`}>
                {preview ?? 'Loading…'}
              </pre>
            )}
          </section>
          <div className="es-export__bundle">
            <button type="button" className="es-export__primary" onClick={() => void saveBundle()}>
              Download everything (zip)
            </button>
            {pending.publishTo.map((target) => (
              <button key={target} type="button" onClick={() => void publish(target)}>
                Publish to {registryNames[target]}
              </button>
            ))}
          </div>
        </>
      )}
    </BoardDialog>
  )
}

function Problems({ problems, onShow }: { problems: ExportProblem[]; onShow(elementIds: string[]): void }) {
  if (problems.length === 0) return <p>No problems: every event exports as it is.</p>
  return (
    <section aria-label="Export problems">
      <h3>Problems</h3>
      <ul className="es-export__problems">
        {problems.map((problem, i) => (
          <li key={`${problem.rule}-${i}`}>
            <button type="button" data-rule={problem.rule} disabled={problem.elementIds.length === 0} onClick={() => onShow(problem.elementIds)}>
              <span aria-label={problem.severity}>{severityIcon[problem.severity]}</span> {problem.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
