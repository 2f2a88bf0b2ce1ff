import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readBoardRecords } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import { openTestDatabase, testDatabaseKinds } from '../db/testing.ts'
import { contentToRecords } from './contentToRecords.ts'
import { exportBoard } from './exportBoard.ts'
import { readFixture } from './fixtures.ts'
import { importBoard } from './importBoard.ts'
import { BoardFileError, readBoardFile } from './readBoardFile.ts'

describe.each(testDatabaseKinds)('importing a board on %s', (kind) => {
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

  /** How many boards `work` leaves behind. */
  const boardsCreatedBy = async (work: () => Promise<unknown>) => {
    const before = await db.prisma.board.count()
    await work().catch(() => {})
    return (await db.prisma.board.count()) - before
  }

  test('an imported board is stored with its whole content and exports it again', async () => {
    const upload = readFixture('eventstorming-facilitation-workshop')
    const board = await importBoard(db, upload, 'Conference')
    expect(board.name).toBe('Conference')

    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
    const stored = (await readBoardRecords(db, board.id))!.sort(byId)
    expect(stored).toEqual(contentToRecords({ ...readBoardFile(upload), name: 'Conference' }).sort(byId))
    const exported = await exportBoard(db, board.id)
    expect(exported).toMatchObject({ format: 'eventstorm-board', version: 1, name: 'Conference' })
    expect(exported!.elements).toHaveLength(82)
    expect(await exportBoard(db, 'NoSuchBoard1')).toBeNull()
  })

  test('a refused file creates no board', async () => {
    const refused = { format: 'eventstorm-board', version: 1, name: 'x', elements: [{ id: 'e' }] }
    await expect(importBoard(db, refused)).rejects.toBeInstanceOf(BoardFileError)
    expect(await boardsCreatedBy(() => importBoard(db, refused))).toBe(0)
  })

  test('when the board state cannot be stored, the board row is not left behind', async () => {
    // From now on a snapshot insert, which comes after the board's, violates a constraint (NOT VALID: old rows stay).
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "BoardSnapshot" ADD CONSTRAINT "tiny" CHECK (octet_length("data") < 16) NOT VALID`)
    try {
      await expect(importBoard(db, readFixture('process-modelling-grammar'))).rejects.toThrow(/tiny/)
      expect(await boardsCreatedBy(() => importBoard(db, readFixture('process-modelling-grammar')))).toBe(0)
    } finally {
      await db.prisma.$executeRawUnsafe(`ALTER TABLE "BoardSnapshot" DROP CONSTRAINT "tiny"`)
    }
    expect(await boardsCreatedBy(() => importBoard(db, readFixture('process-modelling-grammar')))).toBe(1)
  })
})
