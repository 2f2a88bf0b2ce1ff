import { notFound } from 'next/navigation'
import { BoardView } from '@/components/board/BoardView'
import { isBoardId } from '@/lib/boards/boardId'

type Props = { params: Promise<{ boardId: string }> }

/**
 * The board's page tells nothing of the board: its name and content come
 * only to a browser whose link's token the server accepts.
 */
export default async function BoardPage({ params }: Props) {
  const { boardId } = await params
  if (!isBoardId(boardId)) notFound()
  return <BoardView boardId={boardId} />
}
