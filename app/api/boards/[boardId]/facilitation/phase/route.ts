import { setPhase } from '@/lib/facilitation/boardFacilitation'
import { phaseRequest } from '@/lib/facilitation/facilitationRequests'
import { boardRoute } from '@/lib/http/boardRoute'
import { readJsonRequest } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** The workshop's phase for everyone: `{"phase": "chaotic-exploration", "paletteOpen": false}`. */
export const PUT = boardRoute('facilitate', async ({ db, boardId, actor, request }) =>
  Response.json({ phase: await setPhase(db, boardId, actor, await readJsonRequest(request, phaseRequest, 1024)) }),
)
