import { crc32, deflateRawSync } from 'node:zlib'
import { type ExportFile, isSafePath } from './exportFiles.ts'

/**
 * A zip of export files that is byte-identical for identical files: entries
 * sorted by path, every timestamp 1980-01-01 00:00 (the earliest a zip holds),
 * no extra fields. Written here over Node's zlib rather than with a JS
 * deflate: the bundle of a big workshop is tens of megabytes of JSON, and
 * zlib compresses it three times faster. Level 1: level 9 takes several
 * times as long for a few percent less.
 *
 * The format (APPNOTE 4.3): per entry a local header, the name and the
 * deflated data; then a central directory entry per file; then its end.
 */
const dosDate = (1 << 5) | 1 // 1980-01-01: year 0 from 1980, month 1, day 1
const dosTime = 0
const utf8Names = 1 << 11
const deflated = 8
const version = 20

export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const parts: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  let previous: string | undefined
  for (const file of sorted) {
    if (file.path === previous) throw new Error(`Two export files at ${file.path}`)
    if (!isSafePath(file.path)) throw new Error(`An export file may not be written at ${file.path}`)
    previous = file.path
    const name = Buffer.from(file.path, 'utf8')
    const data = Buffer.from(file.content, 'utf8')
    const packed = deflateRawSync(data, { level: 1 })
    const entry = { crc: crc32(data), packed: packed.length, size: data.length, name }
    parts.push(localHeader(entry), name, packed)
    directory.push(centralHeader(entry, offset), name)
    offset += 30 + name.length + packed.length
  }
  const central = Buffer.concat(directory)
  return Buffer.concat([...parts, central, end(sorted.length, central.length, offset)])
}

interface Entry {
  crc: number
  packed: number
  size: number
  name: Buffer
}

type Field = [bytes: 2 | 4, value: number]

/** Little-endian fields one after another, as every zip record is laid out. */
function record(fields: readonly Field[]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((n, [bytes]) => n + bytes, 0))
  let at = 0
  for (const [bytes, value] of fields) at = bytes === 2 ? buffer.writeUInt16LE(value, at) : buffer.writeUInt32LE(value, at)
  return buffer
}

/** What the local header and the central directory both say of an entry, in the same order. */
const described = ({ crc, packed, size, name }: Entry): Field[] => [
  [2, utf8Names],
  [2, deflated],
  [2, dosTime],
  [2, dosDate],
  [4, crc],
  [4, packed],
  [4, size],
  [2, name.length],
]

const localHeader = (entry: Entry) => record([[4, 0x04034b50], [2, version], ...described(entry), [2, 0]])

/** Then: extra field and comment lengths, disk number, internal and external attributes (none), and where the entry starts. */
const centralHeader = (entry: Entry, offset: number) =>
  record([[4, 0x02014b50], [2, version], [2, version], ...described(entry), [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]])

function end(entries: number, size: number, offset: number): Buffer {
  if (entries > 0xffff || offset > 0xffffffff) throw new Error('an export this big needs ZIP64, which this writer does not write')
  // Signature, this disk and the directory's disk, entries on this disk and in all, the directory's size and offset, comment length.
  return record([[4, 0x06054b50], [2, 0], [2, 0], [2, entries], [2, entries], [4, size], [4, offset], [2, 0]])
}
