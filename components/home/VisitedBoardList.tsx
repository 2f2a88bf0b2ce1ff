'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { roleLabels } from '@/lib/auth/roles'
import { boardPath } from '@/lib/boards/boardJson'
import { type VisitedBoard, visitedBoards } from '../board/visitedBoards'

/** The boards this browser has opened, newest first, with the role its link gave. */
export function VisitedBoardList() {
  const [boards, setBoards] = useState<VisitedBoard[]>()
  useEffect(() => setBoards(visitedBoards()), [])
  if (!boards) return null
  if (boards.length === 0) return <p className="empty">No boards yet. Name your first workshop above, or open a link someone shared.</p>
  return (
    <ul className="board-list" aria-label="Your boards">
      {boards.map((board) => (
        <li key={board.id}>
          <Link href={boardPath(board.id)}>
            <span>{board.name}</span>
            <span className="board-role" data-role={board.role}>
              {roleLabels[board.role]}
            </span>
            <time dateTime={board.openedAt}>{board.openedAt.slice(0, 16).replace('T', ' ')}</time>
          </Link>
        </li>
      ))}
    </ul>
  )
}
