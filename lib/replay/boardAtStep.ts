import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { logRowExists, readLogPage, readSnapshot } from '../db/boardUpdates.ts'
import { readVersion } from '../db/boardVersions.ts'
import type { Database } from '../db/client.ts'
import { docToRecords, readStoredState } from '../ydoc/convert.ts'
import type { StepRef } from './stepId.ts'
import { replayLimits } from './timeline.ts'
import { applyStored } from './trackedBoard.ts'

/**
 * The board as it was at a step of its timeline, migrated to the current
 * schema as a browser opening it would see it. `gone` when that moment is no
 * longer stored on its own (compaction folded it into a later state, or the
 * board never had it): the timeline must be read again. Rebuilt from the
 * snapshot and the log a page at a time.
 */
export async function readBoardAtStep(db: Database, boardId: string, ref: StepRef): Promise<TLRecord[] | 'gone'> {
  switch (ref.source) {
    case 'version': {
      const version = await readVersion(db, boardId, ref.versionId)
      return version ? readStoredState([version.data], docToRecords) : 'gone'
    }
    case 'snapshot': {
      const snapshot = await readSnapshot(db, boardId)
      return snapshot?.updatedAt.getTime() === ref.writtenAt ? readStoredState([snapshot.data], docToRecords) : 'gone'
    }
    case 'edits':
      return readEditsUpTo(db, boardId, ref.lastRow)
  }
}

async function readEditsUpTo(db: Database, boardId: string, lastRow: bigint): Promise<TLRecord[] | 'gone'> {
  const snapshot = await readSnapshot(db, boardId)
  if (!(await logRowExists(db, boardId, lastRow))) return 'gone'
  const doc = new Y.Doc()
  try {
    if (snapshot) applyStored(doc, snapshot.data)
    let afterId = 0n
    for (;;) {
      const page = await readLogPage(db, boardId, { afterId, upTo: lastRow, limit: replayLimits.pageRows })
      for (const entry of page) applyStored(doc, entry.data)
      if (page.length < replayLimits.pageRows) break
      afterId = page.at(-1)!.id
    }
    // A compaction meanwhile deleted rows this read may have missed.
    const now = await readSnapshot(db, boardId)
    return now?.updatedAt.getTime() === snapshot?.updatedAt.getTime() ? docToRecords(doc) : 'gone'
  } finally {
    doc.destroy()
  }
}
