import { notFound } from 'next/navigation'
import { ModelOverview } from '@/components/overview/ModelOverview'
import { isBoardId } from '@/lib/boards/boardId'
import '../../../overview.css'

type Props = { params: Promise<{ boardId: string }> }

/** The board's model as a page to print; like the board's page, it shows nothing without the board's token. */
export default async function OverviewPage({ params }: Props) {
  const { boardId } = await params
  if (!isBoardId(boardId)) notFound()
  return <ModelOverview boardId={boardId} />
}
