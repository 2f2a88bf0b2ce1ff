import { strToU8, zipSync } from 'fflate'
import type { ExportFile } from './exportFiles.ts'

/**
 * A zip of export files that is byte-identical for identical files: entries
 * sorted by path, every timestamp the same. A zip stores local time, and
 * fflate reads a Date's local fields, so the Date is made from local fields
 * too: 1980-01-01 00:00, the earliest a zip can hold, on any machine's zone.
 */
const zipTime = new Date(1980, 0, 1)

export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const entries: Record<string, Uint8Array> = {}
  for (const file of sorted) {
    if (Object.hasOwn(entries, file.path)) throw new Error(`Two export files at ${file.path}`)
    entries[file.path] = strToU8(file.content)
  }
  return zipSync(entries, { mtime: zipTime, level: 9 })
}
