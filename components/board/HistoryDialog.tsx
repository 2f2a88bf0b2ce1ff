'use client'

import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { BoardDialog } from './BoardDialog'
import { boardFetch, boardJson } from './boardApi'
import type { OpenBoard } from './useBoardAccess'

interface Version {
  id: string
  createdAt: string
  reason: string
  label: string
  records: number
}

interface AuditEvent {
  id: string
  at: string
  action: string
  role?: string
  actorName?: string
}

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })

/**
 * A facilitator's view of the board's past: its versions, each restorable as
 * a new change everyone sees (the board as it was before is kept too), a way
 * to keep the board as it is now under a name, and who came and did what.
 */
export function HistoryDialog({ board, onClose }: { board: OpenBoard; onClose(): void }) {
  const [versions, setVersions] = useState<Version[]>()
  const [events, setEvents] = useState<AuditEvent[]>([])
  const [label, setLabel] = useState('')
  const [message, setMessage] = useState<string>()

  const refresh = useCallback(async () => {
    try {
      setVersions((await boardJson<{ versions: Version[] }>(board, 'versions')).versions)
      setEvents((await boardJson<{ events: AuditEvent[] }>(board, 'audit')).events)
    } catch (error) {
      setMessage(String(error))
    }
  }, [board])
  useEffect(() => void refresh(), [refresh])

  const keep = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await boardFetch(board, 'versions', { method: 'POST', body: JSON.stringify({ label }) })
      setLabel('')
      setMessage('Version kept.')
      await refresh()
    } catch (error) {
      setMessage(String(error))
    }
  }
  const restore = async (version: Version) => {
    if (!confirm(`Bring everyone's board back to “${version.label}”? The board as it is now is kept as a version.`)) return
    try {
      await boardFetch(board, 'versions', { method: 'POST', body: JSON.stringify({ restore: version.id }) })
      setMessage(`Restored “${version.label}”.`)
      await refresh()
    } catch (error) {
      setMessage(String(error))
    }
  }

  return (
    <BoardDialog title="History" className="es-history" onClose={onClose}>
      {message && <p role="status">{message}</p>}
      <form className="es-history__keep" onSubmit={keep}>
        <input aria-label="Version name" placeholder="Name this moment, e.g. Before lunch" value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" disabled={!label.trim()}>
          Keep version
        </button>
      </form>
      <h3>Versions</h3>
      {versions?.length === 0 && <p>No versions yet: one is kept every 10 minutes of editing and before big deletions.</p>}
      <ol className="es-history__list" aria-label="Versions">
        {versions?.map((version) => (
          <li key={version.id}>
            <span>
              <strong>{version.label}</strong> · {time(version.createdAt)} · {version.records} items
            </span>
            <button type="button" onClick={() => void restore(version)}>
              Restore
            </button>
          </li>
        ))}
      </ol>
      <h3>Activity</h3>
      <ol className="es-history__list" aria-label="Activity">
        {events.slice(0, 50).map((event) => (
          <li key={event.id}>
            {time(event.at)} · {event.action.replace('.', ' ')}
            {event.role && ` · ${event.role}`}
            {event.actorName && ` · ${event.actorName}`}
          </li>
        ))}
      </ol>
    </BoardDialog>
  )
}
