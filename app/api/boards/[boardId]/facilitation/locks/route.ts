import { lockBoard, lockShapes } from '@/lib/facilitation/boardFacilitation'
import { lockRequest } from '@/lib/facilitation/facilitationRequests'
import { boardRoute } from '@/lib/http/boardRoute'
import { readJsonRequest } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** Locks the whole board (`{"board": true}`) or elements (`{"shapeIds": [...], "locked": true}`) against everyone but facilitators. */
export const PUT = boardRoute('facilitate', async ({ db, boardId, actor, request }) => {
  const lock = await readJsonRequest(request, lockRequest, 256 * 1024)
  if ('board' in lock) await lockBoard(db, boardId, actor, lock.board)
  else await lockShapes(db, boardId, actor, lock.shapeIds, lock.locked)
  return Response.json(lock)
})
