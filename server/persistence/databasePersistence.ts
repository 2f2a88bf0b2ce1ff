import * as Y from 'yjs'
import {
  type CompactionBounds,
  type UpdateAuthor,
  appendMissing,
  appendUpdates,
  compactBoard,
  defaultCompactionBounds,
  loadBoardState,
} from '../../lib/db/boardUpdates.ts'
import type { Database } from '../../lib/db/client.ts'
import { type ConnectionInfo, type Hooks, Refusal } from '../realtime/hooks.ts'

/** Updates of one author waiting to be written, merged into one log row. */
interface Batch {
  author: UpdateAuthor | undefined
  updates: Uint8Array[]
}

interface BoardLog {
  /** Updates received and not yet written, by author (the connection id; '' for the server's own). */
  pending: Map<string, Batch>
  /** Rows in the database log since the last snapshot. */
  rows: number
  bytes: number
}

/**
 * Persists boards in the database: loads a board (snapshot then log) before
 * its first client syncs, batches incoming updates into one log row per author
 * and board, written in one statement per board every `writeIntervalMs`, compacts the log past its bounds, and flushes on
 * unload and shutdown. A failed write keeps its updates for the next try.
 */
export class DatabasePersistence implements Hooks {
  private readonly logs = new Map<string, BoardLog>()
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> = Promise.resolve()
  /** Callers of `written`, told once a write of everything received before their call succeeds. */
  private waiting: (() => void)[] = []

  constructor(
    private readonly db: Database,
    private readonly writeIntervalMs: number,
    private readonly bounds: CompactionBounds = defaultCompactionBounds,
  ) {}

  async onFetchDocument({ boardId }: { boardId: string }): Promise<readonly Uint8Array[]> {
    const state = await loadBoardState(this.db, boardId)
    if (!state) throw new Refusal(404, 'board not found')
    this.logs.set(boardId, { pending: new Map(), rows: state.logRows, bytes: state.logBytes })
    return state.updates
  }

  async onLoadDocument({ boardId }: { boardId: string }): Promise<void> {
    if (this.needsCompaction(boardId)) await this.compact(boardId)
  }

  /** Another instance's updates are its to store: each update is written once, by the instance that accepted it. */
  onChange({ boardId, update, author, fromPeer }: { boardId: string; update: Uint8Array; author: ConnectionInfo | undefined; fromPeer: boolean }): void {
    const log = this.logs.get(boardId)
    if (!log || fromPeer) return
    const key = author?.id ?? ''
    let batch = log.pending.get(key)
    if (!batch) {
      batch = { author: author && { role: author.rights.role, name: author.displayName, connectionId: author.id }, updates: [] }
      log.pending.set(key, batch)
    }
    batch.updates.push(update)
    this.timer ??= setTimeout(() => void this.flush(), this.writeIntervalMs)
  }

  async onUnloadDocument({ boardId }: { boardId: string }): Promise<void> {
    await this.flush()
    // A write that failed even now stays queued, and is retried, rather than dropped.
    if (this.logs.get(boardId)?.pending.size === 0) this.logs.delete(boardId)
  }

  /** Writes every pending update; resolves when they are in the database. Calls are serialised. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.flushing = this.flushing.then(() => this.writePending())
    return this.flushing
  }

  /** Resolves once every update received so far is in the database (at the next write that succeeds). */
  written(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.timer ??= setTimeout(() => void this.flush(), this.writeIntervalMs)
    })
  }

  /**
   * Stores another instance's edits that it may not have written before it
   * died: only what the database lacks, decided under the board lock, so
   * several instances rescuing them write them once.
   */
  async rescue(boardId: string, update: Uint8Array): Promise<boolean> {
    return appendMissing(this.db, boardId, update)
  }

  private async writePending(): Promise<void> {
    const waiting = this.waiting.splice(0)
    let failed = false
    for (const [boardId, log] of this.logs) {
      if (log.pending.size === 0) continue
      const rows = [...log.pending.values()].map(({ author, updates }) => ({ author, update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates) }))
      log.pending = new Map()
      try {
        await appendUpdates(this.db, boardId, rows)
        log.rows += rows.length
        log.bytes += rows.reduce((sum, { update }) => sum + update.byteLength, 0)
      } catch (error) {
        console.error(`board ${boardId}: writing updates failed, will retry:`, error)
        // Kept, merged, ahead of anything that arrives meanwhile; the order of Yjs updates does not matter.
        for (const { author, update } of rows) this.requeue(log, { author, updates: [update] })
        failed = true
      }
      if (!failed && this.needsCompaction(boardId)) await this.compact(boardId)
    }
    if (failed) {
      this.waiting.unshift(...waiting)
      this.timer ??= setTimeout(() => void this.flush(), Math.max(this.writeIntervalMs, 1000))
    } else for (const resolve of waiting) resolve()
  }

  private requeue(log: BoardLog, batch: Batch): void {
    const key = batch.author?.connectionId ?? ''
    const queued = log.pending.get(key)
    if (queued) queued.updates.unshift(...batch.updates)
    else log.pending.set(key, batch)
  }

  private needsCompaction(boardId: string): boolean {
    const log = this.logs.get(boardId)
    return !!log && (log.rows > this.bounds.maxLogRows || log.bytes > this.bounds.maxLogBytes)
  }

  private async compact(boardId: string): Promise<void> {
    try {
      await compactBoard(this.db, boardId)
      const log = this.logs.get(boardId)
      if (log) Object.assign(log, { rows: 0, bytes: 0 })
    } catch (error) {
      console.error(`board ${boardId}: compaction failed, the log stays as it is:`, error)
    }
  }
}
