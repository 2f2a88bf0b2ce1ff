import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { BoardView } from '@/components/board/BoardView'
import { isBoardId } from '@/lib/boards/boardId'
import { findBoard } from '@/lib/db/boards'
import { getDatabase } from '@/lib/db/client'

type Props = { params: Promise<{ boardId: string }> }

async function loadBoard(boardId: string) {
  if (!isBoardId(boardId)) notFound()
  return (await findBoard(await getDatabase(), boardId)) ?? notFound()
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const board = await loadBoard((await params).boardId)
  return { title: `${board.name} · EventStorming board` }
}

export default async function BoardPage({ params }: Props) {
  const board = await loadBoard((await params).boardId)
  return <BoardView boardId={board.id} name={board.name} />
}
