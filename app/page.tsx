import { CreateBoardForm } from '@/components/home/CreateBoardForm'
import { VisitedBoardList } from '@/components/home/VisitedBoardList'
import { readConfig } from '@/lib/config'

/** Nothing here comes from the database: a stranger learns of no board; each browser lists the boards it opened. */
export default function HomePage() {
  return (
    <main className="home">
      <h1>EventStorming board</h1>
      <p className="tagline">Start a workshop, share its link, and storm the domain together.</p>
      <CreateBoardForm needsCreateKey={readConfig().createToken !== undefined} />
      <VisitedBoardList />
    </main>
  )
}
