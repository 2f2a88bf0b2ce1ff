import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { ElementKind } from '../board/elementKinds.ts'
import { createBlankBoard } from '../boardFile/importBoard.ts'
import { type UpdateAuthor, appendUpdate, compactBoard, loadBoardState } from '../db/boardUpdates.ts'
import { saveVersion } from '../db/boardVersions.ts'
import type { Database } from '../db/client.ts'
import { openTestDatabase, testDatabaseKinds } from '../db/testing.ts'
import { boardRecords as contentRecords } from '../model/testing.ts'
import { boardRecords } from '../sync/storeBinding.ts'
import { readRecords } from '../ydoc/layout.ts'
import { readBoardAtStep } from './boardAtStep.ts'
import { parseStepId } from './stepId.ts'
import { type ReplayLimits, type ReplayStep, readTimeline, replayLimits } from './timeline.ts'

const alice: UpdateAuthor = { role: 'facilitator', name: 'Alice', connectionId: 'conn-alice' }
const bob: UpdateAuthor = { role: 'participant', name: 'Bob', connectionId: 'conn-bob' }

/** What a step says happened, as a person reads it in the replay's list. */
const said = (step: ReplayStep) => ({
  who: step.author?.name ?? null,
  changes: step.changes.shapes.map(({ change, what, text }) => `${change} ${what} “${text}”`),
})

const texts = (records: TLRecord[]) =>
  records
    .filter((record): record is TLShape => record.typeName === 'shape')
    .map((shape) => (shape.props as { text?: string }).text)
    .sort()

describe.each(testDatabaseKinds)('a workshop’s replay on %s', (kind) => {
  let db: Database
  let closeDatabase: (() => Promise<void>) | undefined

  beforeAll(async () => {
    const opened = await openTestDatabase(kind)
    db = opened.db
    closeDatabase = opened.close
  })

  afterAll(async () => {
    await closeDatabase?.()
  })

  /**
   * A board and one browser's copy of it: each edit is made in the copy and
   * written to the log under its author, as the server's persistence does.
   */
  async function workshop() {
    const { id: boardId } = await createBlankBoard(db, 'Replay')
    const doc = new Y.Doc()
    for (const update of (await loadBoardState(db, boardId))!.updates) Y.applyUpdate(doc, update)
    const records = boardRecords(doc)
    const edit = async (author: UpdateAuthor, change: () => void) => {
      const updates: Uint8Array[] = []
      const keep = (update: Uint8Array) => updates.push(update)
      doc.on('update', keep)
      doc.transact(change)
      doc.off('update', keep)
      await appendUpdate(db, boardId, Y.mergeUpdates(updates), author)
    }
    const shape = (id: string) => records.get(`shape:${id}`) as TLShape
    return {
      boardId,
      place: (author: UpdateAuthor, id: string, kind: ElementKind, text: string, x = 0) =>
        edit(author, () => {
          for (const record of contentRecords({ elements: [{ id, kind, text, x, y: 0 }] })) if (record.typeName === 'shape') records.set(record.id, record)
        }),
      retype: (author: UpdateAuthor, id: string, text: string) => edit(author, () => records.set(`shape:${id}`, { ...shape(id), props: { ...shape(id).props, text } } as TLShape)),
      move: (author: UpdateAuthor, id: string, x: number) => edit(author, () => records.set(`shape:${id}`, { ...shape(id), x })),
      remove: (author: UpdateAuthor, id: string) => edit(author, () => records.delete(`shape:${id}`)),
      /** Keeps the board as it is now as a version, as the server does every few minutes. */
      keepVersion: (label: string) => saveVersion(db, boardId, { reason: 'periodic', label, records: readRecords(doc).length, data: Y.encodeStateAsUpdate(doc) }),
    }
  }

  const timelineOf = async (boardId: string, limits?: Partial<ReplayLimits>) => (await readTimeline(db, boardId, { ...replayLimits, ...limits }))!
  const boardAt = async (boardId: string, step: ReplayStep) => readBoardAtStep(db, boardId, parseStepId(step.id)!)

  test('the timeline starts with the board as created, then lists each person’s edits in order with who made them and what they did', async () => {
    const board = await workshop()
    await board.place(alice, 'placed', 'event', 'Order Placed')
    await board.place(bob, 'paid', 'event', 'Payment Taken', 300)
    await board.retype(alice, 'placed', 'Order Submitted')
    await board.move(bob, 'paid', 600)
    await board.remove(alice, 'placed')

    const { steps, compactedAt, complete } = await timelineOf(board.boardId)
    expect(compactedAt).toBeNull()
    expect(complete).toBe(true)
    expect(steps[0]).toMatchObject({ source: 'snapshot', label: 'The board as created', author: null })
    expect(steps.slice(1).map(said)).toEqual([
      { who: 'Alice', changes: ['added Domain event “Order Placed”'] },
      { who: 'Bob', changes: ['added Domain event “Payment Taken”'] },
      { who: 'Alice', changes: ['edited Domain event “Order Submitted”'] },
      { who: 'Bob', changes: ['moved Domain event “Payment Taken”'] },
      { who: 'Alice', changes: ['removed Domain event “Order Submitted”'] },
    ])
    expect(steps[2]!.author).toEqual({ role: 'participant', name: 'Bob' })
    expect(steps.map((step) => step.at)).toEqual([...steps.map((step) => step.at)].sort())
  })

  test('the board at a step is the board as it was then: a sticky added later is missing, one deleted later is still there', async () => {
    const board = await workshop()
    await board.place(alice, 'placed', 'event', 'Order Placed')
    await board.place(bob, 'paid', 'event', 'Payment Taken', 300)
    await board.remove(alice, 'placed')

    const { steps } = await timelineOf(board.boardId)
    expect(texts((await boardAt(board.boardId, steps[0]!)) as TLRecord[])).toEqual([])
    expect(texts((await boardAt(board.boardId, steps[1]!)) as TLRecord[])).toEqual(['Order Placed'])
    expect(texts((await boardAt(board.boardId, steps[2]!)) as TLRecord[])).toEqual(['Order Placed', 'Payment Taken'])
    expect(texts((await boardAt(board.boardId, steps[3]!)) as TLRecord[])).toEqual(['Payment Taken'])
  })

  test('one person’s edits close together are one step; a pause starts the next', async () => {
    const board = await workshop()
    await board.place(bob, 'placed', 'event', 'Order Placed')
    await board.place(bob, 'paid', 'event', 'Payment Taken', 300)
    await board.place(bob, 'shipped', 'event', 'Order Shipped', 600)
    // Bob paused for a minute before the third sticky.
    const rows = await db.prisma.boardUpdate.findMany({ where: { boardId: board.boardId }, orderBy: { id: 'asc' } })
    await db.prisma.boardUpdate.update({ where: { id: rows.at(-1)!.id }, data: { createdAt: new Date(rows.at(-1)!.createdAt.getTime() + 60_000) } })

    const { steps } = await timelineOf(board.boardId)
    expect(steps.slice(1).map(said)).toEqual([
      { who: 'Bob', changes: ['added Domain event “Order Placed”', 'added Domain event “Payment Taken”'] },
      { who: 'Bob', changes: ['added Domain event “Order Shipped”'] },
    ])
    expect(steps[1]!.changes.counts).toEqual({ added: 2, edited: 0, moved: 0, removed: 0 })
  })

  test('after compaction the timeline starts from the versions kept before it, says when edits were compacted, and a step folded away is gone', async () => {
    const board = await workshop()
    await board.place(alice, 'placed', 'event', 'Order Placed')
    await board.keepVersion('Autosave')
    await board.place(bob, 'paid', 'event', 'Payment Taken', 300)
    const before = await timelineOf(board.boardId)
    await compactBoard(db, board.boardId)
    await board.place(alice, 'shipped', 'event', 'Order Shipped', 600)

    const { steps, compactedAt } = await timelineOf(board.boardId)
    expect(compactedAt).not.toBeNull()
    expect(steps.map((step) => [step.source, step.label])).toEqual([
      ['version', 'Autosave'],
      ['snapshot', 'The board when older edits were compacted'],
      ['edits', ''],
    ])
    expect(steps.map(said)).toEqual([
      { who: null, changes: ['added Domain event “Order Placed”'] },
      { who: null, changes: ['added Domain event “Payment Taken”'] },
      { who: 'Alice', changes: ['added Domain event “Order Shipped”'] },
    ])
    expect(texts((await boardAt(board.boardId, steps[0]!)) as TLRecord[])).toEqual(['Order Placed'])
    expect(texts((await boardAt(board.boardId, steps[1]!)) as TLRecord[])).toEqual(['Order Placed', 'Payment Taken'])
    expect(await boardAt(board.boardId, before.steps.at(-1)!)).toBe('gone')
    expect(await boardAt(board.boardId, before.steps[0]!)).toBe('gone')
  })

  test('only the newest versions before compaction are shown, and the timeline says how many it left out', async () => {
    const board = await workshop()
    for (const text of ['One', 'Two', 'Three']) {
      await board.place(alice, text.toLowerCase(), 'event', text)
      await board.keepVersion(`After ${text}`)
    }
    await compactBoard(db, board.boardId)
    const { steps, versionsLeftOut } = await timelineOf(board.boardId, { versions: 2 })
    expect(steps.filter((step) => step.source === 'version').map((step) => step.label)).toEqual(['After Two', 'After Three'])
    expect(versionsLeftOut).toBe(1)
  })

  test('a long log is read a page at a time up to its limit, and the timeline says it stops early', async () => {
    const board = await workshop()
    for (const [i, author] of [alice, bob, alice, bob, alice].entries()) await board.place(author, `e${i}`, 'event', `Event ${i}`, i * 200)
    const cut = await timelineOf(board.boardId, { logRows: 3, pageRows: 2 })
    expect(cut.complete).toBe(false)
    expect(cut.steps.slice(1).flatMap((step) => step.changes.shapes.map((shape) => shape.text))).toEqual(['Event 0', 'Event 1', 'Event 2'])
    const whole = await timelineOf(board.boardId, { pageRows: 2 })
    expect(whole.complete).toBe(true)
    expect(whole.steps).toHaveLength(6)
  })

  test('a step lists its first changes in full and counts them all', async () => {
    const board = await workshop()
    await board.place(alice, 'a', 'event', 'A')
    const { steps } = await timelineOf(board.boardId, { listedChanges: 0 })
    expect(steps[1]!.changes).toEqual({ counts: { added: 1, edited: 0, moved: 0, removed: 0 }, shapes: [] })
  })

  test('another board’s version or a row that never was is not a moment of this board; an unknown board has no timeline', async () => {
    const board = await workshop()
    const other = await workshop()
    await other.place(bob, 'secret', 'event', 'Secret Merger')
    const version = await other.keepVersion('Theirs')
    expect(await readBoardAtStep(db, board.boardId, { source: 'version', versionId: version.id })).toBe('gone')
    expect(await readBoardAtStep(db, board.boardId, { source: 'edits', lastRow: 999_999_999n })).toBe('gone')
    expect(await readBoardAtStep(db, board.boardId, { source: 'snapshot', writtenAt: 0 })).toBe('gone')
    expect(await readTimeline(db, 'no-such-board')).toBeNull()
  })
})

describe('replay step ids', () => {
  test('name a version, the stored state or the log up to a row, and nothing else', () => {
    expect(parseStepId('v12')).toEqual({ source: 'version', versionId: '12' })
    expect(parseStepId('s1700000000000')).toEqual({ source: 'snapshot', writtenAt: 1_700_000_000_000 })
    expect(parseStepId('e42')).toEqual({ source: 'edits', lastRow: 42n })
    for (const bad of ['', 'x1', 'v', 'v-1', 'v1.5', 'e1234567890123456789', 'e1;drop', ' v1']) expect(parseStepId(bad), bad).toBeNull()
  })
})
