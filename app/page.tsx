import Link from 'next/link'
import { boardPath } from '@/lib/boards/boardJson'
import { listBoards } from '@/lib/db/boards'
import { getDatabase } from '@/lib/db/client'
import { CreateBoardForm } from '@/components/home/CreateBoardForm'

export default async function HomePage() {
  const boards = await listBoards(await getDatabase(), 50)
  return (
    <main className="home">
      <h1>EventStorming board</h1>
      <p className="tagline">Start a workshop, share its link, and storm the domain together.</p>
      <CreateBoardForm />
      {boards.length === 0 ? (
        <p className="empty">No boards yet. Name your first workshop above.</p>
      ) : (
        <ul className="board-list" aria-label="Recent boards">
          {boards.map((board) => (
            <li key={board.id}>
              <Link href={boardPath(board.id)}>
                <span>{board.name}</span>
                <time dateTime={board.updatedAt.toISOString()}>{board.updatedAt.toISOString().slice(0, 16).replace('T', ' ')}</time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
