/**
 * `npm run bench:export`: the whole export of a big workshop. A generated
 * board of 1,000 events with 10 fields each over 20 contexts goes through the
 * contract model (with its budget checks), every format, and the bundle zip
 * as a download makes it. The reference, in the same run, is the cheapest
 * export of the same board: its board file, serialised and zipped. Each step
 * is timed on the wall clock and in CPU time (this process's, every thread:
 * the garbage collector's helpers count), best of several runs; on a busy
 * machine the wall clock says more about the neighbours than about us.
 * Prints a table, then one JSON line. Target: the bundle under 300 ms of CPU.
 */
import { toBoardFile } from '../lib/boardFile/boardFile.ts'
import { type BoardContent, emptyBoardContent } from '../lib/boardFile/boardContent.ts'
import { contentToRecords } from '../lib/boardFile/contentToRecords.ts'
import { buildBoardModel } from '../lib/model/boardModel.ts'
import { boardContracts } from '../lib/contracts/boardContracts.ts'
import { compareWithHistory } from '../lib/contracts/contractHistory.ts'
import type { ExportFile } from '../lib/contracts/exportFiles.ts'
import { exportFormats, formatIds } from '../lib/contracts/formats.ts'
import { historyFile } from '../lib/contracts/historyFile.ts'
import { zipParts } from '../lib/contracts/zip.ts'
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

interface Figures {
  wallMs: number
  cpuMs: number
  heapMB: number
}

/** Best wall and CPU time of `repeats` runs (each best on its own), and the most the heap grew in one. `prepare` runs untimed before each. */
function measure<P, T>(prepare: () => P, run: (prepared: P) => T, repeats = 5): Figures & { value: T } {
  const figures = { wallMs: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY, heapMB: 0 }
  let value!: T
  for (let i = 0; i < repeats; i++) {
    const prepared = prepare()
    globalThis.gc?.()
    const heap = process.memoryUsage().heapUsed
    const cpu = process.cpuUsage()
    const start = performance.now()
    value = run(prepared)
    const wall = performance.now() - start
    const { user, system } = process.cpuUsage(cpu)
    figures.wallMs = Math.min(figures.wallMs, wall)
    figures.cpuMs = Math.min(figures.cpuMs, (user + system) / 1000)
    figures.heapMB = Math.max(figures.heapMB, (process.memoryUsage().heapUsed - heap) / 1e6)
  }
  return { wallMs: round(figures.wallMs), cpuMs: round(figures.cpuMs), heapMB: round(figures.heapMB), value }
}

const round = (n: number) => Math.round(n * 10) / 10
const nothing = () => undefined
/** What writing the files costs: each text made, as the zip makes them. */
const bytesOf = (files: readonly ExportFile[]) =>
  files.reduce((n, file) => {
    // A large file comes in pieces, which the zip writes one after another rather than join.
    const content = file.content()
    const pieces = typeof content === 'string' ? [content] : content
    return pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece), n + (file.finalNewline ? 1 : 0))
  }, 0)
/** A zip as the export answers it: its parts, sent one after another. */
const zipSize = (parts: readonly Uint8Array[]) => parts.reduce((n, part) => n + part.byteLength, 0)

const content = generatedBoard()
const records = contentToRecords(content)
const model = buildBoardModel(records)
const options = { payloadBudgetBytes: 256 * 1024 }
const contractsOfBoard = () => boardContracts(model, content.name, options)

const rows: (Figures & { step: string; bytes?: number })[] = []
const row = (step: string, { value, ...figures }: Figures & { value: unknown }, bytes?: number) => rows.push({ step, ...figures, bytes })

const reference = measure(nothing, () => zipParts([{ path: 'board.json', content: () => JSON.stringify(toBoardFile(content)) }]))
row('reference: board file, zipped', reference, zipSize(reference.value))
row('board model from its records', measure(nothing, () => buildBoardModel(records)))
row('contract model + budgets', measure(nothing, contractsOfBoard))
for (const id of formatIds.filter((id) => id !== 'bundle')) {
  // Fresh contracts each run: what an export builds of each event once is built again, as it would be.
  const files = measure(contractsOfBoard, (contracts) => bytesOf(exportFormats[id].files(contracts)), 3)
  row(`format ${id} (files, unzipped)`, files, files.value)
}
// What GET …/export/bundle does once it has the board's model: contracts, versions (no history here), every format, the history file, the zip.
const bundle = measure(nothing, () => {
  const { contracts, report } = compareWithHistory([], contractsOfBoard(), 'BACKWARD')
  return zipParts([...exportFormats.bundle.files(contracts), historyFile({ mode: report.mode, exports: [] })])
})
row('bundle download (contracts, formats, zip)', bundle, zipSize(bundle.value))
const rssMB = Math.round(process.memoryUsage().rss / 1e6)

const pad = (text: string | number, width: number) => String(text).padStart(width)
console.log(`${contexts * eventsPerContext} events × ${fieldsPerEvent} fields over ${contexts} contexts; best of 3–5 runs`)
console.log(`${'step'.padEnd(44)}${pad('wall ms', 9)}${pad('CPU ms', 9)}${pad('heap MB', 9)}${pad('bytes', 12)}`)
for (const r of rows) console.log(`${r.step.padEnd(44)}${pad(r.wallMs, 9)}${pad(r.cpuMs, 9)}${pad(r.heapMB, 9)}${pad(r.bytes ?? '', 12)}`)
console.log(
  `bundle: ${bundle.cpuMs} ms CPU (target < 300 ms), ${bundle.wallMs} ms wall; ${(bundle.cpuMs / reference.cpuMs).toFixed(1)}× the reference's CPU; process RSS ${rssMB} MB`,
)
console.log(
  JSON.stringify({ events: contexts * eventsPerContext, fieldsPerEvent, contexts, steps: rows, bundleCpuMs: bundle.cpuMs, bundleWallMs: bundle.wallMs, referenceCpuMs: reference.cpuMs, referenceWallMs: reference.wallMs, rssMB }),
)
