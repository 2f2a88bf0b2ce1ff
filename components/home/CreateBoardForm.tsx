'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useEffect, useState } from 'react'
import { boardPath } from '@/lib/boards/boardJson'
import { rememberBoard } from '../board/visitedBoards'
import { type GalleryTemplate, TemplateGallery } from './TemplateGallery'

const createKeyStorage = 'eventstorm.createKey'

/**
 * Names a new board, creates it through the API (blank, or from a template
 * of the gallery) and opens it as its facilitator. On a server with
 * CREATE_TOKEN it also asks for that key, and remembers it in this browser.
 */
export function CreateBoardForm({ needsCreateKey }: { needsCreateKey: boolean }) {
  const router = useRouter()
  const [name, setName] = useState('')
  const [createKey, setCreateKey] = useState('')
  useEffect(() => setCreateKey(localStorage.getItem(createKeyStorage) ?? ''), [])
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function create(template?: GalleryTemplate) {
    setBusy(true)
    setError(undefined)
    try {
      const response = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(needsCreateKey && { authorization: `Bearer ${createKey}` }) },
        body: JSON.stringify({ name: name.trim() || template?.name || 'Untitled workshop', ...(template && { templateId: template.id }) }),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}`)
      if (needsCreateKey) localStorage.setItem(createKeyStorage, createKey)
      const token = new URL(body.links.facilitator).hash.replace('#token=', '')
      rememberBoard({ id: body.id, name: body.name, role: 'facilitator', token })
      router.push(boardPath(body.id))
    } catch (reason) {
      setError(`Could not create the board: ${reason instanceof Error ? reason.message : String(reason)}`)
      setBusy(false)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void create()
  }

  return (
    <>
      <form className="create-board" onSubmit={submit}>
        <input
          aria-label="Board name"
          placeholder="Workshop name, e.g. Checkout Big Picture"
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
        />
        {needsCreateKey && (
          <input
            aria-label="Creation key"
            type="password"
            placeholder="This server's creation key"
            value={createKey}
            required
            onChange={(event) => setCreateKey(event.target.value)}
          />
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'New board'}
        </button>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
      <TemplateGallery createKey={needsCreateKey ? createKey : undefined} busy={busy} onStart={(template) => void create(template)} />
    </>
  )
}
