'use client'

import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useCallback, useEffect, useState } from 'react'
import { useBoardAccess } from './useBoardAccess'
import { useBoardConnection } from './useBoardConnection'

// tldraw needs the browser (canvas, pointer events, layout): never render it on the server.
const loadCanvas = () => import('./BoardCanvas')
const BoardCanvas = dynamic(() => loadCanvas().then((m) => m.BoardCanvas), {
  ssr: false,
  loading: () => <div className="board-message">Opening the board…</div>,
})
const ReplayView = dynamic(() => import('./replay/ReplayView').then((m) => m.ReplayView), { ssr: false })

export function BoardView({ boardId }: { boardId: string }) {
  const access = useBoardAccess(boardId)
  // The replay takes the live board's place (and its connection) until it is closed.
  const [replaying, setReplaying] = useState(false)
  const openReplay = useCallback(() => setReplaying(true), [])
  const open = access.status === 'open' ? access.board : undefined
  const name = open?.name
  // The editor's code loads while the link is checked, and the board's state while the editor's code loads.
  useEffect(() => void loadCanvas(), [])
  const { connection, restart } = useBoardConnection(replaying ? undefined : open)
  useEffect(() => {
    if (name) document.title = `${name} · EventStorming board`
  }, [name])

  if (access.status === 'checking') return <div className="board-message">Opening the board…</div>
  if (access.status === 'refused') {
    return (
      <main className="home">
        <h1>{access.title}</h1>
        <p className="tagline">{access.message}</p>
        <Link href="/">Your boards</Link>
      </main>
    )
  }
  return (
    <div className="board-page">
      {replaying ? <ReplayView board={access.board} onClose={() => setReplaying(false)} /> : <BoardCanvas board={access.board} connection={connection} restart={restart} onReplay={openReplay} />}
    </div>
  )
}
