import { voterKey, voterOfRequest } from '@/lib/auth/voterToken'
import { markBallot, readBallot } from '@/lib/facilitation/boardFacilitation'
import { ballotRequest } from '@/lib/facilitation/facilitationRequests'
import { boardRoute } from '@/lib/http/boardRoute'
import { readJsonRequest } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

const voter = (request: Request, boardId: string) => voterOfRequest(voterKey(), boardId, request.headers.get('x-voter-token'))

/** Your own votes in the open round, and how many you have left; never anyone else's. */
export const GET = boardRoute('edit', async ({ db, boardId, request }) => {
  const { voter: you, token } = voter(request, boardId)
  return Response.json({ ballot: await readBallot(db, boardId, you.voterId), voterToken: token })
})

/** `{"action": "add" | "withdraw", "shapeId"}`: puts one of your votes on a candidate, or takes one back. */
export const POST = boardRoute('edit', async ({ db, boardId, request }) => {
  const { action, shapeId } = await readJsonRequest(request, ballotRequest, 1024)
  const { voter: you, token } = voter(request, boardId)
  return Response.json({ ballot: await markBallot(db, boardId, you.voterId, action, shapeId), voterToken: token })
})
