'use client'

import dynamic from 'next/dynamic'

// tldraw needs the browser (canvas, pointer events, layout): never render it on the server.
const BoardCanvas = dynamic(() => import('./BoardCanvas').then((m) => m.BoardCanvas), {
  ssr: false,
  loading: () => <div className="board-message">Opening the board…</div>,
})

export function BoardView({ boardId, name }: { boardId: string; name: string }) {
  return (
    <div className="board-page">
      <BoardCanvas boardId={boardId} name={name} />
    </div>
  )
}
