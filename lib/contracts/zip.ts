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
 * Files under 4 KiB are stored, not deflated: a big workshop's bundle is
 * nine thousand such files (a schema or an example per event and format),
 * and zlib spends more CPU setting up a stream for each (about 12 µs, a new
 * stream object and its window every call) than deflating them all takes.
 * Stored, they cost a copy and a CRC; the large files (manifests, AsyncAPI
 * documents, the context map), most of the bytes saved, are still deflated.
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
/** Below this many bytes of UTF-8 a file is stored. */
const deflatedFrom = 4096
const methods = { stored: 0, deflated: 8 }
/** The version of the format each method needs: 1.0 to store, 2.0 to deflate. */
const versions = { stored: 10, deflated: 20 }
const localHeaderSize = 30
const centralHeaderSize = 46
const endSize = 22

interface Entry {
  name: Buffer
  method: keyof typeof methods
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
  const utf8 = new Utf8Blocks()
  const entries = sorted.map((file): Entry => {
    const name = Buffer.from(file.path, 'utf8')
    const data = utf8.encode(file.content())
    if (data.length < deflatedFrom) return { name, method: 'stored', crc: crc32(data), size: data.length, packed: data }
    const entry: Entry = { name, method: 'deflated', crc: crc32(data), size: data.length, packed: deflateRawSync(data, { level: 1, chunkSize: Math.max(constants.Z_MIN_CHUNK, data.length >> 2) }) }
    utf8.release(data)
    return entry
  })
  return layOut(entries)
}

/**
 * Texts encoded as UTF-8 back to back in large blocks: one allocation per
 * mebibyte rather than one per file (each small buffer of its own cost more
 * than encoding it). What `encode` answers stays valid until `release`d;
 * only the last text encoded may be released, and its bytes are reused.
 */
class Utf8Blocks {
  private block = Buffer.allocUnsafe(0)
  private at = 0
  encode(text: string): Buffer {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.block.length - this.at < text.length * 3) {
      this.block = Buffer.allocUnsafe(Math.max(1 << 20, text.length * 3))
      this.at = 0
    }
    const start = this.at
    this.at += this.block.write(text, start, 'utf8')
    return this.block.subarray(start, this.at)
  }
  release(bytes: Buffer): void {
    if (bytes.buffer === this.block.buffer && bytes.byteOffset + bytes.length === this.block.byteOffset + this.at) this.at -= bytes.length
  }
}

function layOut(entries: readonly Entry[]): Buffer {
  const locals = entries.reduce((n, e) => n + localHeaderSize + e.name.length + e.packed.length, 0)
  const directory = entries.reduce((n, e) => n + centralHeaderSize + e.name.length, 0)
  if (entries.length > 0xffff || locals + directory > 0xffffffff) throw new Error('an export this big needs ZIP64, which this writer does not write')
  const out = new RecordWriter(Buffer.allocUnsafe(locals + directory + endSize))
  const offsets = entries.map((entry) => {
    const offset = out.at
    out.u32(0x04034b50).u16(versions[entry.method])
    described(out, entry).u16(0).bytes(entry.name).bytes(entry.packed)
    return offset
  })
  entries.forEach((entry, i) => {
    // Made by 2.0, and what the entry needs.
    out.u32(0x02014b50).u16(versions.deflated).u16(versions[entry.method])
    // Then: extra field and comment lengths, disk number, internal and external attributes (none), and where the entry starts.
    described(out, entry).u16(0).u16(0).u16(0).u16(0).u32(0).u32(offsets[i]!).bytes(entry.name)
  })
  // Signature, this disk and the directory's disk, entries on this disk and in all, the directory's size and offset, comment length.
  out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(directory).u32(locals).u16(0)
  return out.buffer
}

/** What the local header and the central directory both say of an entry, in the same order. */
const described = (out: RecordWriter, { name, method, crc, size, packed }: Entry) =>
  out.u16(utf8Names).u16(methods[method]).u16(dosTime).u16(dosDate).u32(crc).u32(packed.length).u32(size).u16(name.length)

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
    this.buffer.set(bytes, this.at)
    this.at += bytes.length
    return this
  }
}
