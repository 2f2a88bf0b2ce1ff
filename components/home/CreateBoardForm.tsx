'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

/** Names a new board, creates it through the API and opens it. */
export function CreateBoardForm() {
  const router = useRouter()
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const response = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: name.trim() || 'Untitled workshop' }),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}`)
      router.push(new URL(body.url).pathname)
    } catch (reason) {
      setError(`Could not create the board: ${reason instanceof Error ? reason.message : String(reason)}`)
      setBusy(false)
    }
  }

  return (
    <form className="create-board" onSubmit={submit}>
      <input
        aria-label="Board name"
        placeholder="Workshop name, e.g. Checkout Big Picture"
        value={name}
        maxLength={120}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'New board'}
      </button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  )
}
