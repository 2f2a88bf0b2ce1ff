import { liveBoards } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import { loadBoardState } from '../db/boardUpdates.ts'
import { readStoredState } from '../ydoc/convert.ts'
import type { BoardModel } from './boardModel.ts'
import { liveContentKey, modelOfDoc, sharedModel, storedContentKey } from './modelCache.ts'

/**
 * A board's model from its live document (edits not yet written included),
 * else from its stored state, built once per content; null when there is no
 * such board. Reading leaves the live document as it was.
 */
export async function readBoardModel(db: Database, boardId: string): Promise<BoardModel | null> {
  const live = liveBoards()?.doc(boardId)
  if (live) return sharedModel(boardId, liveContentKey(live), () => modelOfDoc(live))
  const state = await loadBoardState(db, boardId)
  return state && sharedModel(boardId, storedContentKey(state.updates), () => readStoredState(state.updates, modelOfDoc))
}
