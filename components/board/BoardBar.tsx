'use client'

import type { Signal } from '@tldraw/state'
import Link from 'next/link'
import { useState } from 'react'
import { useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { can, roleLabels } from '@/lib/auth/roles'
import type { ConnectionStatus } from '@/lib/sync/connectionStatus'
import type { Participant } from '@/lib/sync/presenceBinding'
import { ExportDialog } from './ExportDialog'
import { HistoryDialog } from './HistoryDialog'
import { InviteDialog } from './InviteDialog'
import { PeopleList } from './PeopleList'
import { PictureDialog } from './PictureDialog'
import { SaveTemplateDialog } from './SaveTemplateDialog'
import { useReplayAccess } from './replay/useReplayAccess'
import type { OpenBoard } from './useBoardAccess'

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: edits are kept and merged when back',
  revoked: 'Your link was replaced: ask the facilitator for the new one',
  refused: 'The server refused a change: reload the page',
}

/** The board's name, your role, who else is here, and whether your edits reach them. */
export function BoardBar({
  board,
  $connection,
  $participant,
  awareness,
  onRename,
  onReplay,
}: {
  board: OpenBoard
  $connection: Signal<ConnectionStatus>
  $participant: Signal<Participant>
  awareness: Awareness | undefined
  onRename(name: string): void
  onReplay(): void
}) {
  const participant = useValue($participant)
  const connection = useValue($connection)
  const [dialog, setDialog] = useState<'invite' | 'history' | 'export' | 'picture' | 'template'>()
  const replay = useReplayAccess(board).access
  return (
    <div className="board-bar">
      <Link href="/" title="Your boards" aria-label="Your boards">
        ←
      </Link>
      <span className="board-name" title={board.name}>
        {board.name}
      </span>
      <span className="board-role" data-role={board.role} data-testid="your-role">
        {roleLabels[board.role]}
      </span>
      <input
        aria-label="Your name"
        title="Your name, shown on your cursor"
        value={participant.name}
        maxLength={40}
        style={{ borderColor: participant.color }}
        onChange={(event) => onRename(event.target.value)}
      />
      <PeopleList awareness={awareness} role={board.role} />
      <button type="button" onClick={() => setDialog('picture')}>
        Picture
      </button>
      {can(board.role, 'export') && (
        <button type="button" onClick={() => setDialog('export')}>
          Export
        </button>
      )}
      {can(board.role, 'facilitate') && (
        <>
          <button type="button" onClick={() => setDialog('invite')}>
            Invite
          </button>
          <button type="button" onClick={() => setDialog('history')}>
            History
          </button>
          <button type="button" onClick={() => setDialog('template')}>
            Save as template
          </button>
        </>
      )}
      {replay.allowed && (
        <button type="button" onClick={onReplay}>
          Replay
        </button>
      )}
      <span className="connection" data-status={connection} role="status" aria-live="polite" data-testid="connection-status">
        {labels[connection]}
      </span>
      {dialog === 'invite' && <InviteDialog board={board} onClose={() => setDialog(undefined)} />}
      {dialog === 'history' && <HistoryDialog board={board} onClose={() => setDialog(undefined)} />}
      {dialog === 'export' && <ExportDialog board={board} onClose={() => setDialog(undefined)} />}
      {dialog === 'picture' && <PictureDialog board={board} onClose={() => setDialog(undefined)} />}
      {dialog === 'template' && <SaveTemplateDialog board={board} onClose={() => setDialog(undefined)} />}
    </div>
  )
}
