/**
 * `npx tsx --expose-gc bench/replay.ts`: the replay of a big workshop. A
 * board imported with 5,000 stickies gets 500 edits by five people (the log
 * as long as compaction lets it grow), then 50 versions kept before a
 * compaction and 500 edits more. Measures reading the timeline and the board
 * at a step, on the embedded database, and prints a table, then one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { emptyBoardContent } from '../lib/boardFile/boardContent.ts'
import { contentToRecords } from '../lib/boardFile/contentToRecords.ts'
import { createBoardWithState } from '../lib/db/boards.ts'
import { type UpdateAuthor, appendUpdate, compactBoard, loadBoardState } from '../lib/db/boardUpdates.ts'
import { saveVersion } from '../lib/db/boardVersions.ts'
import { openDatabase } from '../lib/db/client.ts'
import { migrate } from '../lib/db/migrate.ts'
import { elementKinds } from '../lib/board/elementKinds.ts'
import { readBoardAtStep } from '../lib/replay/boardAtStep.ts'
import { parseStepId } from '../lib/replay/stepId.ts'
import { readTimeline } from '../lib/replay/timeline.ts'
import { boardRecords } from '../lib/sync/storeBinding.ts'
import { recordsToDoc } from '../lib/ydoc/convert.ts'
import { readRecords } from '../lib/ydoc/layout.ts'

const stickies = 5000
const editsPerPhase = 500
const versions = 50
const people: UpdateAuthor[] = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli'].map((name, i) => ({ role: 'participant', name, connectionId: `conn-${i}` }))

const dataDir = mkdtempSync(join(tmpdir(), 'eventstorm-bench-replay-'))
const db = await openDatabase({ kind: 'pglite', dataDir })
await migrate(db)

const content = {
  ...emptyBoardContent('Bench workshop'),
  elements: Array.from({ length: stickies }, (_, i) => ({ id: `s${i}`, kind: elementKinds[i % 8]!, text: `Sticky ${i}`, x: (i % 100) * 200, y: Math.floor(i / 100) * 200 })),
}
const { id: boardId } = await createBoardWithState(db, content.name, Y.encodeStateAsUpdate(recordsToDoc(contentToRecords(content))))
const doc = new Y.Doc()
for (const update of (await loadBoardState(db, boardId))!.updates) Y.applyUpdate(doc, update)
const records = boardRecords(doc)

/** Each person in turn moves a sticky and retypes another: one log row each, as the server batches them. */
async function edit(round: number): Promise<void> {
  const updates: Uint8Array[] = []
  const keep = (update: Uint8Array) => updates.push(update)
  doc.on('update', keep)
  doc.transact(() => {
    const moved = records.get(`shape:s${(round * 7) % stickies}`)!
    records.set(moved.id, { ...moved, x: (moved as { x: number }).x + 10 } as typeof moved)
    const retyped = records.get(`shape:s${(round * 13) % stickies}`) as { props: object } & typeof moved
    records.set(retyped.id, { ...retyped, props: { ...retyped.props, text: `Edited ${round}` } } as typeof moved)
  })
  doc.off('update', keep)
  await appendUpdate(db, boardId, Y.mergeUpdates(updates), people[round % people.length])
}

for (let round = 0; round < editsPerPhase; round++) {
  await edit(round)
  if (round % (editsPerPhase / versions) === 0) await saveVersion(db, boardId, { reason: 'periodic', label: `Autosave ${round}`, records: readRecords(doc).length, data: Y.encodeStateAsUpdate(doc) })
}

async function measure<T>(run: () => Promise<T>): Promise<{ ms: number; heapMB: number; value: T }> {
  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5)
  const start = performance.now()
  const value = await run()
  const ms = performance.now() - start
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().heapUsed)
  return { ms: Math.round(ms), heapMB: Math.round((peak - before) / 1e5) / 10, value }
}

async function figures(phase: string) {
  const timeline = await measure(() => readTimeline(db, boardId))
  const steps = timeline.value!.steps
  const middle = steps[Math.floor(steps.length / 2)]!
  const atStep = await measure(() => readBoardAtStep(db, boardId, parseStepId(middle.id)!))
  const answerBytes = JSON.stringify({ records: atStep.value }).length
  return {
    phase,
    steps: steps.length,
    timelineMs: timeline.ms,
    timelineHeapMB: timeline.heapMB,
    timelineKB: Math.round(JSON.stringify(timeline.value).length / 1024),
    boardAtStepMs: atStep.ms,
    boardAtStepHeapMB: atStep.heapMB,
    boardAtStepKB: Math.round(answerBytes / 1024),
  }
}

const results = [await figures(`${stickies} stickies, ${editsPerPhase} log rows`)]
console.table(results)
try {
  await compactBoard(db, boardId)
} catch (error) {
  // Seen on a loaded machine: Prisma's interactive transaction (5 s) expires while a 5,000-sticky board is merged.
  console.log(`compaction failed, so no second phase: ${error instanceof Error ? error.message.split('\n').at(-1) : error}`)
  process.exit(0)
}
for (let round = editsPerPhase; round < 2 * editsPerPhase; round++) await edit(round)
results.push(await figures(`then compacted (${versions} versions before) and ${editsPerPhase} rows more`))

console.table(results)
console.log(JSON.stringify({ benchmark: 'replay', cpus: (await import('node:os')).cpus().length, results }))
await db.close()
rmSync(dataDir, { recursive: true, force: true })
