'use client'

import { getAssetUrls } from '@tldraw/assets/selfHosted'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, atom } from 'tldraw'
import 'tldraw/tldraw.css'
import { can } from '@/lib/auth/roles'
import { BoardBar } from './BoardBar'
import { documentNonce } from './documentNonce'
import { boardOverrides } from './editor/boardOverrides'
import { registerContentHandlers } from './editor/contentHandlers'
import { BoardOverlay } from './panels/BoardOverlay'
import { boardShapeUtils } from './shapes'
import { loadParticipant, saveParticipant } from './participant'
import type { OpenBoard } from './useBoardAccess'
import { useBoardSync } from './useBoardSync'

// Served from public/tldraw-assets (copied at install): no request leaves the origin.
const assetUrls = getAssetUrls({ baseUrl: '/tldraw-assets' })
// Inlined at build time; without it tldraw shows a licence notice outside localhost.
const licenseKey = process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY || undefined
// No dropped or pasted file becomes an image or video (lib/board/outsideContent).
const noMediaTypes: readonly string[] = []

export function BoardCanvas({ board }: { board: OpenBoard }) {
  const [$participant] = useState(() => atom('participant', loadParticipant()))
  // tldraw's own <style> elements need the nonce of the page's Content-Security-Policy.
  const [options] = useState(() => ({ nonce: documentNonce() }))
  const { store, connection, awareness } = useBoardSync(board, $participant)
  const readOnly = !can(board.role, 'edit')
  // tldraw remounts a panel whose component changes: the bar reads the status from a signal instead.
  const [$connection] = useState(() => atom('connection', connection))
  useEffect(() => {
    $connection.set(connection)
  }, [$connection, connection])

  const components = useMemo(
    () => ({
      TopPanel: () => (
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
        />
      ),
      InFrontOfTheCanvas: BoardOverlay,
    }),
    [board, $connection, $participant, awareness],
  )

  if (store.status === 'error') {
    return (
      <div className="board-message" role="alert">
        {store.error.message}
      </div>
    )
  }
  return (
    <Tldraw
      store={store}
      shapeUtils={boardShapeUtils}
      overrides={boardOverrides}
      assetUrls={assetUrls}
      components={components}
      licenseKey={licenseKey}
      options={options}
      acceptedImageMimeTypes={noMediaTypes}
      acceptedVideoMimeTypes={noMediaTypes}
      onMount={(editor) => {
        registerContentHandlers(editor)
        // A viewer's edits would be dropped by the server anyway; the board says so by not offering them.
        editor.updateInstanceState({ isReadonly: readOnly })
      }}
    />
  )
}
