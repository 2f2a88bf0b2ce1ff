import { constants, crc32, deflateRawSync } from 'node:zlib'
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
 *
 * Allocation is what a big export spends its time on, so this allocates
 * little per file: each text is encoded into one buffer reused for every
 * file, zlib's output chunk is sized to the file (its default is 16 KiB
 * outside the JS heap, per file, thousands of times; JSON deflates to about a
 * fifth), and the zip is laid out at the end in the one buffer it answers.
 */
const dosDate = (1 << 5) | 1 // 1980-01-01: year 0 from 1980, month 1, day 1
const dosTime = 0
const utf8Names = 1 << 11
const deflated = 8
const version = 20
const localHeaderSize = 30
const centralHeaderSize = 46
const endSize = 22

interface Entry {
  name: Buffer
  crc: number
  size: number
  packed: Buffer
}

export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  sorted.forEach((file, i) => {
    if (file.path === sorted[i - 1]?.path) throw new Error(`Two export files at ${file.path}`)
    if (!isSafePath(file.path)) throw new Error(`An export file may not be written at ${file.path}`)
  })
  const utf8 = utf8Encoder()
  const entries = sorted.map((file): Entry => {
    const data = utf8(file.content())
    const packed = deflateRawSync(data, { level: 1, chunkSize: Math.max(constants.Z_MIN_CHUNK, data.length >> 2) })
    return { name: Buffer.from(file.path, 'utf8'), crc: crc32(data), size: data.length, packed }
  })
  return layOut(entries)
}

/** Encodes text as UTF-8 into a buffer kept for the next text: what it answers is valid until the next call. */
function utf8Encoder(): (text: string) => Buffer {
  let buffer = Buffer.allocUnsafe(1 << 16)
  return (text) => {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8; only when that might not fit is the exact size worth counting.
    if (buffer.length < text.length * 3 && buffer.length < Buffer.byteLength(text)) buffer = Buffer.allocUnsafe(Buffer.byteLength(text))
    return buffer.subarray(0, buffer.write(text, 'utf8'))
  }
}

function layOut(entries: readonly Entry[]): Buffer {
  const locals = entries.reduce((n, e) => n + localHeaderSize + e.name.length + e.packed.length, 0)
  const directory = entries.reduce((n, e) => n + centralHeaderSize + e.name.length, 0)
  if (entries.length > 0xffff || locals + directory > 0xffffffff) throw new Error('an export this big needs ZIP64, which this writer does not write')
  const out = new RecordWriter(Buffer.allocUnsafe(locals + directory + endSize))
  const offsets = entries.map((entry) => {
    const offset = out.at
    out.u32(0x04034b50).u16(version)
    described(out, entry).u16(0).bytes(entry.name).bytes(entry.packed)
    return offset
  })
  entries.forEach((entry, i) => {
    out.u32(0x02014b50).u16(version).u16(version)
    // Then: extra field and comment lengths, disk number, internal and external attributes (none), and where the entry starts.
    described(out, entry).u16(0).u16(0).u16(0).u16(0).u32(0).u32(offsets[i]!).bytes(entry.name)
  })
  // Signature, this disk and the directory's disk, entries on this disk and in all, the directory's size and offset, comment length.
  out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(directory).u32(locals).u16(0)
  return out.buffer
}

/** What the local header and the central directory both say of an entry, in the same order. */
const described = (out: RecordWriter, { name, crc, size, packed }: Entry) =>
  out.u16(utf8Names).u16(deflated).u16(dosTime).u16(dosDate).u32(crc).u32(packed.length).u32(size).u16(name.length)

/** Little-endian fields and bytes one after another, as every zip record is laid out. */
class RecordWriter {
  at = 0
  constructor(readonly buffer: Buffer) {}
  u16(value: number): this {
    this.at = this.buffer.writeUInt16LE(value, this.at)
    return this
  }
  u32(value: number): this {
    this.at = this.buffer.writeUInt32LE(value, this.at)
    return this
  }
  bytes(bytes: Buffer): this {
    this.at += bytes.copy(this.buffer, this.at)
    return this
  }
}
