/**
 * `npm run bench:export`: the whole export of a big workshop. A generated
 * board of 1,000 events with 10 fields each over 20 contexts goes through the
 * contract model (with its budget checks), every format, and the bundle zip.
 * The reference, in the same run, is the cheapest export of the same board:
 * its board file, serialised and zipped. Prints a table, then one JSON line.
 * Target: the bundle under 300 ms on one core.
 */
import { toBoardFile } from '../lib/boardFile/boardFile.ts'
import { type BoardContent, emptyBoardContent } from '../lib/boardFile/boardContent.ts'
import { contentToRecords } from '../lib/boardFile/contentToRecords.ts'
import { buildBoardModel } from '../lib/model/boardModel.ts'
import { boardContracts } from '../lib/contracts/boardContracts.ts'
import { zipFiles } from '../lib/contracts/zip.ts'
import { exportFormats, formatIds } from '../lib/contracts/formats.ts'
import { contextArea, event, field } from '../lib/contracts/testing.ts'

const contexts = 20
const eventsPerContext = 50
const fieldsPerEvent = 10

function generatedBoard(): BoardContent {
  const kinds = ['string', 'integer', 'date-time', 'enum', 'boolean', 'number', 'string', 'object', 'array', 'string'] as const
  const fields = (e: number) =>
    kinds.map((type, f) =>
      field(`field${f}`, {
        type,
        enumValues: type === 'enum' ? ['placed', 'paid', 'shipped'] : [],
        fields: type === 'object' ? [field('street'), field('city', { sensitivity: 'pii' })] : [],
        itemType: 'string',
        required: (e + f) % 3 !== 0,
        description: `Field ${f} of event ${e}`,
      }),
    )
  return {
    ...emptyBoardContent('Bench shop'),
    contexts: Array.from({ length: contexts }, (_, c) => contextArea(`c${c}`, `Context ${c}`, c * 20_000, { w: 20_000, h: 2000, source: `com.bench.context${c}` })),
    elements: Array.from({ length: contexts * eventsPerContext }, (_, i) => event(`e${i}`, `Thing ${i} Happened`, Math.floor(i / eventsPerContext) * 20_000 + (i % eventsPerContext) * 200 + 100, fields(i))),
  }
}

function measure<T>(run: () => T, repeats = 5): { ms: number; heapMB: number; value: T } {
  let best = Number.POSITIVE_INFINITY
  let heap = 0
  let value!: T
  for (let i = 0; i < repeats; i++) {
    globalThis.gc?.()
    const before = process.memoryUsage().heapUsed
    const start = performance.now()
    value = run()
    best = Math.min(best, performance.now() - start)
    heap = Math.max(heap, process.memoryUsage().heapUsed - before)
  }
  return { ms: Math.round(best * 10) / 10, heapMB: Math.round(heap / 1e5) / 10, value }
}

const content = generatedBoard()
const model = buildBoardModel(contentToRecords(content))
const options = { payloadBudgetBytes: 256 * 1024 }

const rows: { step: string; ms: number; heapMB: number; bytes?: number }[] = []
const reference = measure(() => zipFiles([{ path: 'board.json', content: JSON.stringify(toBoardFile(content)) }]))
rows.push({ step: 'reference: board file, zipped', ms: reference.ms, heapMB: reference.heapMB, bytes: reference.value.byteLength })
const contracts = measure(() => boardContracts(model, content.name, options))
rows.push({ step: 'contract model + budgets', ms: contracts.ms, heapMB: contracts.heapMB })
for (const id of formatIds.filter((id) => id !== 'bundle')) {
  const files = measure(() => exportFormats[id].files(contracts.value), 3)
  rows.push({ step: `format ${id}`, ms: files.ms, heapMB: files.heapMB, bytes: files.value.reduce((n, f) => n + f.content.length, 0) })
}
const bundle = measure(() => zipFiles(exportFormats.bundle.files(boardContracts(model, content.name, options))), 3)
rows.push({ step: 'bundle zip (model, every format, zip)', ms: bundle.ms, heapMB: bundle.heapMB, bytes: bundle.value.byteLength })

const pad = (text: string | number, width: number) => String(text).padStart(width)
console.log(`${contexts * eventsPerContext} events × ${fieldsPerEvent} fields over ${contexts} contexts; best of 3–5 runs on one core`)
console.log(`${'step'.padEnd(42)}${pad('ms', 9)}${pad('heap MB', 9)}${pad('bytes', 12)}`)
for (const row of rows) console.log(`${row.step.padEnd(42)}${pad(row.ms, 9)}${pad(row.heapMB, 9)}${pad(row.bytes ?? '', 12)}`)
console.log(`bundle: ${bundle.ms} ms (target < 300 ms), ${(bundle.ms / reference.ms).toFixed(1)}× the reference; process RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`)
console.log(JSON.stringify({ events: contexts * eventsPerContext, fieldsPerEvent, contexts, steps: rows, bundleMs: bundle.ms, referenceMs: reference.ms, rssMB: Math.round(process.memoryUsage().rss / 1e6) }))
