import { boardJson } from '@/lib/boards/boardJson'
import { readConfig } from '@/lib/config'
import { findBoard } from '@/lib/db/boards'
import { boardGet } from '@/lib/http/boardRoute'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

/** The board, what the caller's link makes it there, and the most records it may hold. */
export const GET = boardGet(findBoard, (board, { request, role }) =>
  Response.json({ ...boardJson(board, requestOrigin(request)), role, maxRecords: readConfig().maxBoardRecords }),
)
