import type { TLRecord } from '@tldraw/tlschema'
import { findBoard } from '../db/boards.ts'
import { type LogEntry, readLogPage, readSnapshot } from '../db/boardUpdates.ts'
import { readVersion, versionsBefore } from '../db/boardVersions.ts'
import type { Database } from '../db/client.ts'
import { readStoredState } from '../ydoc/convert.ts'
import { readRecords } from '../ydoc/layout.ts'
import { type StepChanges, hasChanges, pairsOf, shapeChanges } from './shapeChanges.ts'
import { type StepRef, stepId } from './stepId.ts'
import { TrackedBoard } from './trackedBoard.ts'

/** One moment of the workshop a replay can show. */
export interface ReplayStep {
  id: string
  /** When the board was in this state (ISO 8601). */
  at: string
  source: StepRef['source']
  /** Who made this step's changes; null for versions, the stored start and the server's own changes. */
  author: { role: string; name: string | null } | null
  /** What a version or the start is called; empty for people's edits. */
  label: string
  /** What changed since the step before. */
  changes: StepChanges
}

export interface Timeline {
  steps: ReplayStep[]
  /** When older edits were folded into one stored state: before it only kept versions remain. Null when nothing was compacted. */
  compactedAt: string | null
  /** Older versions left out past `limits.versions`. */
  versionsLeftOut: number
  /** False when the log was longer than `limits.logRows`: the timeline stops early. */
  complete: boolean
}

export interface ReplayLimits {
  /** The newest versions kept before compaction that the timeline shows. */
  versions: number
  /** Rows of the update log read at most (compaction keeps it near 500). */
  logRows: number
  /** Rows read from the database at once. */
  pageRows: number
  /** Edits of one connection less than this apart form one step… */
  burstGapMs: number
  /** …spanning at most this long. */
  burstMs: number
  /** Changes listed in full per step (all are counted). */
  listedChanges: number
}

export const replayLimits: ReplayLimits = { versions: 200, logRows: 5000, pageRows: 100, burstGapMs: 5000, burstMs: 60_000, listedChanges: 50 }

const attempts = 3

/**
 * The workshop's timeline, built from what is stored and only that: the
 * versions kept before the log was last compacted, the compacted state, then
 * the update log, whose rows are grouped into bursts of one person's edits.
 * Versions are read one at a time and the log a page at a time, so memory
 * holds two states of the board, not its history. Null when there is no such
 * board.
 */
export async function readTimeline(db: Database, boardId: string, limits: ReplayLimits = replayLimits): Promise<Timeline | null> {
  for (let attempt = 1; ; attempt++) {
    const timeline = await readTimelineOnce(db, boardId, limits)
    if (timeline !== 'compacted meanwhile') return timeline
    if (attempt === attempts) throw new Error(`board ${boardId}: its log was compacted during each of ${attempts} reads of its history`)
  }
}

async function readTimelineOnce(db: Database, boardId: string, limits: ReplayLimits): Promise<Timeline | null | 'compacted meanwhile'> {
  if (!(await findBoard(db, boardId))) return null
  const snapshot = await readSnapshot(db, boardId)
  const compactedAt = snapshot?.compactedAt ?? null
  const steps: ReplayStep[] = []
  let previous: ReadonlyMap<string, TLRecord> = new Map()
  /** A step showing a whole state, compared with the state before it. */
  const wholeState = (records: ReadonlyMap<string, TLRecord>, fields: Omit<ReplayStep, 'changes'>) => {
    steps.push({ ...fields, changes: shapeChanges(pairsOf(previous, records), limits.listedChanges) })
    previous = records
  }

  let versionsLeftOut = 0
  if (compactedAt) {
    const older = await versionsBefore(db, boardId, compactedAt, limits.versions)
    versionsLeftOut = older.leftOut
    for (const summary of older.versions) {
      const version = await readVersion(db, boardId, summary.id)
      if (!version) continue
      const records = readStoredState([version.data], (doc) => new Map(readRecords(doc).map((record) => [record.id, record])))
      wholeState(records, { id: stepId({ source: 'version', versionId: summary.id }), at: summary.createdAt.toISOString(), source: 'version', author: null, label: summary.label })
    }
  }

  const board = new TrackedBoard(snapshot?.data)
  let complete = true
  try {
    if (snapshot) {
      wholeState(board.records(), {
        id: stepId({ source: 'snapshot', writtenAt: snapshot.updatedAt.getTime() }),
        at: snapshot.updatedAt.toISOString(),
        source: 'snapshot',
        author: null,
        label: compactedAt ? 'The board when older edits were compacted' : 'The board as created',
      })
    }

    let burst: { first: LogEntry; last: LogEntry } | undefined
    const endBurst = () => {
      if (!burst) return
      const { last } = burst
      burst = undefined
      const changes = shapeChanges(board.takeChanges(), limits.listedChanges)
      // Edits that touched no shape (the server's schema writes, a page rename) change nothing a person would see.
      if (!hasChanges(changes)) return
      const author = last.author && { role: last.author.role, name: last.author.name }
      steps.push({ id: stepId({ source: 'edits', lastRow: last.id }), at: last.at.toISOString(), source: 'edits', author, label: '', changes })
    }

    let read = 0
    let afterId = 0n
    while (read < limits.logRows) {
      const page = await readLogPage(db, boardId, { afterId, limit: Math.min(limits.pageRows, limits.logRows - read) })
      for (const entry of page) {
        if (burst && !continuesBurst(burst, entry, limits)) endBurst()
        board.apply(entry.data)
        burst = { first: burst?.first ?? entry, last: entry }
      }
      if (page.length === 0) break
      read += page.length
      afterId = page.at(-1)!.id
    }
    if (read >= limits.logRows) complete = (await readLogPage(db, boardId, { afterId, limit: 1 })).length === 0
    endBurst()
  } finally {
    board.destroy()
  }

  // Compaction deletes the rows it folds in: if it ran meanwhile, rows may be missing from what was read.
  const now = await readSnapshot(db, boardId)
  if (now?.updatedAt.getTime() !== snapshot?.updatedAt.getTime()) return 'compacted meanwhile'
  return { steps, compactedAt: compactedAt?.toISOString() ?? null, versionsLeftOut, complete }
}

function continuesBurst(burst: { first: LogEntry; last: LogEntry }, entry: LogEntry, limits: ReplayLimits): boolean {
  return (
    (burst.last.author?.connectionId ?? null) === (entry.author?.connectionId ?? null) &&
    entry.at.getTime() - burst.last.at.getTime() <= limits.burstGapMs &&
    entry.at.getTime() - burst.first.at.getTime() <= limits.burstMs
  )
}
