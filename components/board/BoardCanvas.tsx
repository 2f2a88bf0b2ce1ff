'use client'

import { getAssetUrls } from '@tldraw/assets/selfHosted'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, atom } from 'tldraw'
import 'tldraw/tldraw.css'
import { BoardBar } from './BoardBar'
import { documentNonce } from './documentNonce'
import { boardOverrides } from './editor/boardOverrides'
import { registerContentHandlers } from './editor/contentHandlers'
import { BoardOverlay } from './panels/BoardOverlay'
import { boardShapeUtils } from './shapes'
import { loadParticipant, saveParticipant } from './participant'
import { useBoardSync } from './useBoardSync'

// Served from public/tldraw-assets (copied at install): no request leaves the origin.
const assetUrls = getAssetUrls({ baseUrl: '/tldraw-assets' })
// Inlined at build time; without it tldraw shows a licence notice outside localhost.
const licenseKey = process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY || undefined
// No dropped or pasted file becomes an image or video (lib/board/outsideContent).
const noMediaTypes: readonly string[] = []

export function BoardCanvas({ boardId, name }: { boardId: string; name: string }) {
  const [$participant] = useState(() => atom('participant', loadParticipant()))
  // tldraw's own <style> elements need the nonce of the page's Content-Security-Policy.
  const [options] = useState(() => ({ nonce: documentNonce() }))
  const { store, connection } = useBoardSync(boardId, $participant)
  // tldraw remounts a panel whose component changes: the bar reads the status from a signal instead.
  const [$connection] = useState(() => atom('connection', connection))
  useEffect(() => {
    $connection.set(connection)
  }, [$connection, connection])

  const components = useMemo(
    () => ({
      TopPanel: () => (
        <BoardBar
          name={name}
          $connection={$connection}
          $participant={$participant}
          onRename={(participantName) => {
            const next = { ...$participant.get(), name: participantName }
            $participant.set(next)
            saveParticipant(next)
          }}
        />
      ),
      InFrontOfTheCanvas: BoardOverlay,
    }),
    [name, $connection, $participant],
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
      onMount={registerContentHandlers}
    />
  )
}
