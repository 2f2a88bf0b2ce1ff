import { runVote } from '@/lib/facilitation/boardFacilitation'
import { voteRequest } from '@/lib/facilitation/facilitationRequests'
import { boardRoute } from '@/lib/http/boardRoute'
import { readJsonRequest } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** Starts a dot vote (`{"action": "start", "votesPerPerson": 3}`, optionally on `shapeIds`), reveals its results, or ends it. */
export const POST = boardRoute('facilitate', async ({ db, boardId, actor, request }) =>
  Response.json({ vote: await runVote(db, boardId, actor, await readJsonRequest(request, voteRequest, 64 * 1024)) }),
)
