import { type Role, can } from '../auth/roles.ts'
import { readReplayOpen } from '../db/replayAccess.ts'
import { type BoardRequest, boardRoute } from '../http/boardRoute.ts'
import { jsonError } from '../http/json.ts'
import { replayWork } from './replayWork.ts'

/**
 * Who may replay a board: its facilitators always; everyone else with a link
 * only once a facilitator opened the replay to everyone, since it shows what
 * was deleted and who wrote what.
 */
export const mayReplay = (role: Role, openToEveryone: boolean): boolean => can(role, 'facilitate') || (openToEveryone && can(role, 'read'))

/**
 * A route under `/api/boards/<id>/replay`: the board's token as every board
 * route checks it, then {@link mayReplay} (403), then a free replay slot
 * (503 with Retry-After when too many wait).
 */
export function replayRoute<P = object>(handle: (board: BoardRequest<P>) => Promise<Response>) {
  return boardRoute<P>('read', async (board) => {
    const open = await readReplayOpen(board.db, board.boardId)
    if (open === null) return jsonError(404, 'board not found')
    if (!mayReplay(board.role, open)) return jsonError(403, 'only the facilitator may replay this board, unless they open the replay to everyone')
    const answer = await replayWork(() => handle(board))
    return answer === 'busy' ? Response.json({ error: 'replays are busy: try again in a moment' }, { status: 503, headers: { 'retry-after': '1' } }) : answer
  })
}
