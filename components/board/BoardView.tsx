'use client'

import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useEffect } from 'react'
import { useBoardAccess } from './useBoardAccess'

// tldraw needs the browser (canvas, pointer events, layout): never render it on the server.
const BoardCanvas = dynamic(() => import('./BoardCanvas').then((m) => m.BoardCanvas), {
  ssr: false,
  loading: () => <div className="board-message">Opening the board…</div>,
})

export function BoardView({ boardId }: { boardId: string }) {
  const access = useBoardAccess(boardId)
  const name = access.status === 'open' ? access.board.name : undefined
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
      <BoardCanvas board={access.board} />
    </div>
  )
}
