import { boardJson } from '@/lib/boards/boardJson'
import { findBoard } from '@/lib/db/boards'
import { boardGet } from '@/lib/http/boardRoute'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

/** The board, and what the caller's link makes it there. */
export const GET = boardGet(findBoard, (board, { request, role }) => Response.json({ ...boardJson(board, requestOrigin(request)), role }))
