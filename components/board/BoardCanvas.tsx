'use client'

import { useEffect, useMemo, useState } from 'react'
import { Tldraw, atom } from 'tldraw'
import 'tldraw/tldraw.css'
import { can } from '@/lib/auth/roles'
import { BoardBar } from './BoardBar'
import { BoardTop } from './BoardTop'
import { UndoneNotice } from './UndoneNotice'
import { adoptDocumentNonce } from './documentNonce'
import { boardOverrides } from './editor/boardOverrides'
import { registerContentHandlers } from './editor/contentHandlers'
import { FacilitationBar } from './facilitation/FacilitationBar'
import { FacilitationMarks } from './facilitation/FacilitationMarks'
import { facilitationOverrides } from './facilitation/facilitationOverrides'
import { FacilitationProvider, useFacilitationSessionOf } from './facilitation/FacilitationSession'
import { BoardOverlay } from './panels/BoardOverlay'
import { loadParticipant, saveParticipant } from './participant'
import { boardTldrawProps, tldrawOptions } from './tldrawConfig'
import type { OpenBoard } from './useBoardAccess'
import type { BoardConnection } from './useBoardConnection'
import { useBoardSync } from './useBoardSync'

// No dropped or pasted file becomes an image or video (lib/board/outsideContent).
const noMediaTypes: readonly string[] = []

interface Props {
  board: OpenBoard
  /** Opened by the page before this editor loaded; started again through `restart`. */
  connection: BoardConnection | undefined
  restart(): void
  onReplay(): void
}

export function BoardCanvas({ board, connection: boardConnection, restart, onReplay }: Props) {
  const [$participant] = useState(() => atom('participant', loadParticipant()))
  const [options] = useState(() => tldrawOptions(board.maxRecords))
  const { store, connection, awareness, $facilitation, undoneAt } = useBoardSync(boardConnection, restart, $participant)
  const facilitation = useFacilitationSessionOf(board, $facilitation, awareness)
  const overrides = useMemo(() => [boardOverrides, facilitationOverrides(facilitation)], [facilitation])
  const readOnly = !can(board.role, 'edit')
  // tldraw remounts a panel whose component changes: the bar reads the status from a signal instead.
  const [$connection] = useState(() => atom('connection', connection))
  useEffect(adoptDocumentNonce, [])
  useEffect(() => {
    $connection.set(connection)
  }, [$connection, connection])

  const components = useMemo(
    () => ({
      TopPanel: () => (
        <BoardTop>
          <BoardBar
            board={board}
            $connection={$connection}
            $participant={$participant}
            awareness={awareness}
            onRename={(participantName) => {
              const next = { ...$participant.get(), name: participantName }
              $participant.set(next)
              saveParticipant(next)
            }}
            onReplay={onReplay}
          />
          <FacilitationBar />
        </BoardTop>
      ),
      InFrontOfTheCanvas: BoardOverlay,
      OnTheCanvas: FacilitationMarks,
    }),
    [board, $connection, $participant, awareness, onReplay],
  )

  if (store.status === 'error') {
    return (
      <div className="board-message" role="alert">
        {store.error.message}
      </div>
    )
  }
  return (
    <FacilitationProvider value={facilitation}>
      <Tldraw
        {...boardTldrawProps}
        store={store}
        overrides={overrides}
        components={components}
        options={options}
        acceptedImageMimeTypes={noMediaTypes}
        acceptedVideoMimeTypes={noMediaTypes}
        onMount={(editor) => {
          registerContentHandlers(editor)
          // A viewer's edits would be dropped by the server anyway; the board says so by not offering them.
          editor.updateInstanceState({ isReadonly: readOnly })
        }}
      />
      <UndoneNotice at={undoneAt} />
    </FacilitationProvider>
  )
}
