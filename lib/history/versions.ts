import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { type BoardActor, liveBoards } from '../boards/liveBoards.ts'
import { recordAudit } from '../db/auditLog.ts'
import { loadBoardState } from '../db/boardUpdates.ts'
import { type VersionSummary, readVersion, saveVersion } from '../db/boardVersions.ts'
import type { Database } from '../db/client.ts'
import { isLockedShape } from '../facilitation/facilitationState.ts'
import { docToRecords, readStoredState } from '../ydoc/convert.ts'
import { readRecords } from '../ydoc/layout.ts'
import { replaceRecords } from '../ydoc/recordWrites.ts'

/** The board as it is now (live edits included), as a version keeps it. */
interface BoardState {
  data: Uint8Array
  records: number
}

const stateOf = (doc: Y.Doc): BoardState => ({ data: Y.encodeStateAsUpdate(doc), records: readRecords(doc).length })

async function currentState(db: Database, boardId: string): Promise<BoardState | null> {
  const live = liveBoards()?.doc(boardId)
  if (live) return stateOf(live)
  const stored = await loadBoardState(db, boardId)
  return stored && readStoredState(stored.updates, stateOf)
}

function liveBoardsHere() {
  const live = liveBoards()
  if (!live) throw new Error('this process serves no boards')
  return live
}

/** A facilitator keeps the board as it is now under a name ("Before lunch"). Null when there is no such board. */
export async function saveNamedVersion(db: Database, boardId: string, label: string, actor: BoardActor): Promise<VersionSummary | null> {
  const state = await currentState(db, boardId)
  if (!state) return null
  const saved = await saveVersion(db, boardId, { reason: 'named', label, ...state })
  await recordAudit(db, { boardId, action: 'version.saved', role: actor.rights.role, connectionId: actor.id, detail: { versionId: saved.id, label } })
  return saved
}

/** The lock list stays as it is through a restore; an element locked now keeps tldraw's own lock too, so no one picks it up. */
function keepLock(doc: Y.Doc, record: TLRecord): TLRecord {
  return record.typeName === 'shape' && !record.isLocked && isLockedShape(doc, record.id) ? { ...record, isLocked: true } : record
}

/**
 * Brings the board back to a version, as a new change everyone sees at once:
 * nothing is lost, the board as it was just before is kept as a version
 * first. Null when the version is not one of this board's.
 */
export async function restoreVersion(
  db: Database,
  boardId: string,
  versionId: string,
  actor: BoardActor,
): Promise<{ restored: VersionSummary; keptAs: VersionSummary } | null> {
  const version = await readVersion(db, boardId, versionId)
  if (!version) return null
  const live = liveBoardsHere()
  const records = readStoredState([version.data], docToRecords)

  let before: BoardState | undefined
  await live.change(boardId, actor, (doc) => (before = stateOf(doc)))
  const keptAs = await saveVersion(db, boardId, { reason: 'before-restore', label: `Before restoring “${version.label}”`, ...before! })
  await live.change(boardId, actor, (doc) => replaceRecords(doc, records.map((record) => keepLock(doc, record))))

  const { data: _data, ...restored } = version
  await recordAudit(db, { boardId, action: 'version.restored', role: actor.rights.role, connectionId: actor.id, detail: { versionId, keptAs: keptAs.id } })
  return { restored, keptAs }
}
