'use client'

import { type FormEvent, useState } from 'react'
import { rememberTemplateKey } from '../home/templateKeys'
import { BoardDialog } from './BoardDialog'
import { apiFetch } from './boardApi'
import type { OpenBoard } from './useBoardAccess'

/**
 * A facilitator keeps the board as it is now as a template, for new workshops
 * to start from. Says first who will see it; this browser keeps the key that
 * deletes it.
 */
export function SaveTemplateDialog({ board, onClose }: { board: OpenBoard; onClose(): void }) {
  const [name, setName] = useState(board.name)
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string>()
  const [error, setError] = useState<string>()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const response = await apiFetch('/api/templates', board.token, { method: 'POST', body: JSON.stringify({ boardId: board.id, name, description }) })
      const { template, deleteToken } = (await response.json()) as { template: { id: string; name: string }; deleteToken: string }
      rememberTemplateKey(template.id, deleteToken)
      setSaved(template.name)
    } catch (reason) {
      setError(`The template could not be saved: ${reason instanceof Error ? reason.message : String(reason)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <BoardDialog title="Save as template" className="es-save-template" onClose={onClose}>
      {saved ? (
        <p role="status">
          Saved as “{saved}”. It is in the gallery on the home page; only this browser can delete it.
        </p>
      ) : (
        <form className="es-panel" onSubmit={submit}>
          <p className="es-save-template__who">
            Everyone who may create boards on this server will see this template and everything on the board as it is now, and can start
            a workshop from it. On a server without a creation key, that is everyone who can reach it.
          </p>
          <label>
            Name
            <input value={name} required maxLength={120} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Description
            <textarea value={description} maxLength={2000} rows={3} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <button type="submit" className="es-dialog__primary" disabled={busy || !name.trim()}>
            {busy ? 'Saving…' : 'Save template'}
          </button>
          {error && <p className="form-error" role="alert">{error}</p>}
        </form>
      )}
    </BoardDialog>
  )
}
