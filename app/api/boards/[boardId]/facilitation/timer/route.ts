import { changeTimer } from '@/lib/facilitation/boardFacilitation'
import { timerRequest } from '@/lib/facilitation/facilitationRequests'
import { boardRoute } from '@/lib/http/boardRoute'
import { readJsonRequest } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** Starts (`{"action": "start", "seconds": 300}`), pauses, resumes or stops the countdown everyone sees. */
export const POST = boardRoute('facilitate', async ({ db, boardId, actor, request }) =>
  Response.json({ timer: await changeTimer(db, boardId, actor, await readJsonRequest(request, timerRequest, 1024)) }),
)
