'use client'

import { useEffect, useState } from 'react'
import { type Role, roleLabels } from '@/lib/auth/roles'
import { BoardDialog } from './BoardDialog'
import { boardJson } from './boardApi'
import type { OpenBoard } from './useBoardAccess'
import { rememberBoard } from './visitedBoards'

type Links = Record<Exclude<Role, 'facilitator'>, string>

const meaning: Record<Role, string> = {
  facilitator: 'Controls the workshop: links, versions. Keep it to yourself and co-facilitators.',
  participant: 'Places and edits stickies.',
  viewer: 'Watches live, changes nothing.',
}

/**
 * The links a facilitator shares, and a way to replace one: whoever holds the
 * old link loses access at once. Your own facilitator link comes from this
 * browser; the server never shows it again.
 */
export function InviteDialog({ board, onClose }: { board: OpenBoard; onClose(): void }) {
  const [links, setLinks] = useState<Links>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    boardJson<{ links: Links }>(board, 'links')
      .then(({ links }) => setLinks(links))
      .catch((reason: unknown) => setError(`The links could not be loaded: ${String(reason)}`))
  }, [board])

  const replace = async (role: Role) => {
    const rotated = await boardJson<{ link: string }>(board, `links/${role}/rotate`, { method: 'POST' }).catch((reason: unknown) => {
      setError(`The link could not be replaced: ${String(reason)}`)
    })
    if (!rotated) return
    const { link } = rotated
    if (role === 'facilitator') {
      // Our own connection was just closed with the old link: reopen with the new one.
      rememberBoard({ ...board, token: new URL(link).hash.replace('#token=', '') })
      location.assign(link)
      return
    }
    setLinks((current) => current && { ...current, [role]: link })
  }

  const ownLink = `${location.origin}/b/${board.id}#token=${board.token}`
  const rows: [Role, string | undefined][] = [
    ['participant', links?.participant],
    ['viewer', links?.viewer],
    ['facilitator', ownLink],
  ]
  return (
    <BoardDialog title="Invite people" className="es-invite" onClose={onClose}>
      {error && <p role="alert">{error}</p>}
      {rows.map(([role, link]) => (
        <section key={role} aria-label={`${roleLabels[role]} link`}>
          <h3>{roleLabels[role]}</h3>
          <p className="es-invite__meaning">{meaning[role]}</p>
          <div className="es-invite__link">
            <input readOnly value={link ?? 'Loading…'} aria-label={`${roleLabels[role]} link`} onFocus={(e) => e.target.select()} />
            <button type="button" disabled={!link} onClick={() => link && void navigator.clipboard?.writeText(link)}>
              Copy
            </button>
            <button
              type="button"
              title="Make a new link; the current one stops working at once"
              onClick={() => {
                if (confirm(`Replace the ${role} link? Everyone using the current one is disconnected.`)) void replace(role)
              }}
            >
              Replace
            </button>
          </div>
        </section>
      ))}
    </BoardDialog>
  )
}
