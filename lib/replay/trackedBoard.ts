import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { type RecordEntry, recordArray } from '../ydoc/layout.ts'
import type { RecordPair } from './shapeChanges.ts'

/**
 * A board's Y.Doc that stored updates are applied to one after another,
 * keeping its records by id (as `readRecords` reads them: the rightmost
 * entry of a key wins) and which records changed since last asked. Each
 * update costs what it changes, not the size of the board: the replay of a
 * 5,000-sticky board reads its log without reading the board after each row.
 */
export class TrackedBoard {
  private readonly doc = new Y.Doc()
  /** The record of each key, as a reader sees it. */
  private readonly current = new Map<string, TLRecord>()
  /** Every entry of each key still in the array (several only while concurrent writes are not yet cleaned up). */
  private readonly entries = new Map<string, Set<RecordEntry>>()
  /** Records changed since `takeChanges`, with what they were before. */
  private changed = new Map<string, TLRecord | undefined>()

  constructor(state?: Uint8Array) {
    if (state) applyStored(this.doc, state)
    for (const entry of recordArray(this.doc).toArray()) {
      this.current.set(entry.key, entry.val)
      this.entriesOf(entry.key).add(entry)
    }
    // Observers run before Yjs collects deleted content: a deleted entry still names its key here.
    recordArray(this.doc).observe((event) => {
      const touched = new Set<string>()
      const { added, deleted } = event.changes
      for (const item of deleted) {
        for (const entry of item.content.getContent() as RecordEntry[]) {
          this.entriesOf(entry.key).delete(entry)
          touched.add(entry.key)
        }
      }
      for (const item of added) {
        for (const entry of item.content.getContent() as RecordEntry[]) {
          this.entriesOf(entry.key).add(entry)
          touched.add(entry.key)
        }
      }
      this.settle(touched)
    })
  }

  apply(update: Uint8Array): void {
    applyStored(this.doc, update)
  }

  records(): ReadonlyMap<string, TLRecord> {
    return this.current
  }

  /** Each record changed since the last call: as it was then, and as it is now. */
  takeChanges(): RecordPair[] {
    const pairs = [...this.changed].map(([key, before]): RecordPair => [before, this.current.get(key)])
    this.changed = new Map()
    return pairs
  }

  destroy(): void {
    this.doc.destroy()
  }

  private entriesOf(key: string): Set<RecordEntry> {
    let entries = this.entries.get(key)
    if (!entries) this.entries.set(key, (entries = new Set()))
    return entries
  }

  private settle(keys: Set<string>): void {
    const contested: string[] = []
    for (const key of keys) {
      if (!this.changed.has(key)) this.changed.set(key, this.current.get(key))
      const entries = this.entries.get(key)!
      if (entries.size === 0) {
        this.entries.delete(key)
        this.current.delete(key)
      } else if (entries.size === 1) this.current.set(key, entries.values().next().value!.val)
      else contested.push(key)
    }
    if (contested.length === 0) return
    // Rare: two entries of one key (concurrent writes). The rightmost wins, as every reader decides.
    const left = new Set(contested)
    const array = recordArray(this.doc).toArray()
    for (let i = array.length - 1; i >= 0 && left.size > 0; i--) {
      const { key, val } = array[i]!
      if (left.delete(key)) this.current.set(key, val)
    }
  }
}

/** Applies a stored update; one damaged row must not make the whole history unreadable (the server logs it when it loads the board). */
export function applyStored(doc: Y.Doc, update: Uint8Array): void {
  try {
    Y.applyUpdate(doc, update)
  } catch {
    // skipped, as when the board is loaded
  }
}
