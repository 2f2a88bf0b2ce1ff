'use client'

import type { Signal } from '@tldraw/state'
import Link from 'next/link'
import { useValue } from 'tldraw'
import type { ConnectionStatus } from '@/lib/sync/connectionStatus'
import type { Participant } from '@/lib/sync/presenceBinding'
import { WorkshopLevelSelect } from './WorkshopLevelSelect'

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: edits are kept and merged when back',
}

/** The board's name, who you are to the others, and whether your edits reach them. */
export function BoardBar({
  name,
  $connection,
  $participant,
  onRename,
}: {
  name: string
  $connection: Signal<ConnectionStatus>
  $participant: Signal<Participant>
  onRename(name: string): void
}) {
  const participant = useValue($participant)
  const connection = useValue($connection)
  return (
    <div className="board-bar">
      <Link href="/" title="All boards" aria-label="All boards">
        ←
      </Link>
      <span className="board-name" title={name}>
        {name}
      </span>
      <WorkshopLevelSelect />
      <input
        aria-label="Your name"
        title="Your name, shown on your cursor"
        value={participant.name}
        maxLength={40}
        style={{ borderColor: participant.color }}
        onChange={(event) => onRename(event.target.value)}
      />
      <span className="connection" data-status={connection} role="status" aria-live="polite" data-testid="connection-status">
        {labels[connection]}
      </span>
    </div>
  )
}
