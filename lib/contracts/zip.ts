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
 * little per file: a stored file's header and text are written straight into
 * blocks of a mebibyte or more, a deflated one's text is encoded into one
 * scratch buffer and only its packed bytes go into a block, and the zip is
 * answered as those blocks, in order. Fresh memory costs a page fault per
 * page: one contiguous buffer of tens of megabytes costs more to fault in
 * than the rest of the zip does, and writing the large files unpacked into
 * the blocks faulted in as much again as the zip keeps.
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
  packedSize: number
  /** Where its local header starts in the zip. */
  offset: number
}

/**
 * Where a file to deflate is encoded first, so the zip's blocks take only its
 * packed bytes: room for the largest file yet (of which only the pages written
 * are ever touched), kept from one zip to the next, so that its megabytes are
 * faulted in once per process rather than once per export.
 */
let scratch = Buffer.allocUnsafe(0)

/** The zip of `files`, as parts to send or write one after another (see above). */
export function zipParts(files: readonly ExportFile[]): Uint8Array[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  sorted.forEach((file, i) => {
    if (file.path === sorted[i - 1]?.path) throw new Error(`Two export files at ${file.path}`)
    if (!isSafePath(file.path)) throw new Error(`An export file may not be written at ${file.path}`)
  })
  const out = new BlockWriter()
  const entries = sorted.map((file): Entry => {
    const name = Buffer.from(file.path, 'utf8')
    const content = file.content()
    const pieces = typeof content === 'string' ? [content] : content
    const headerSize = localHeaderSize + name.length
    // UTF-8 takes at most three bytes a UTF-16 unit: room is made for that, and the text encoded once rather than measured first.
    let units = file.finalNewline ? 1 : 0
    for (const piece of pieces) units += piece.length
    let entry: Entry
    if (units >= deflatedFrom) {
      if (scratch.length < 3 * units) scratch = Buffer.allocUnsafe(3 * units)
      const data = encode(pieces, file, scratch)
      const deflated = deflate(data)
      const kept = deflated ?? data
      const at = out.reserve(headerSize + kept.length)
      out.block.set(kept, at + headerSize)
      entry = { name, method: deflated ? 'deflated' : 'stored', crc: crc32(data), size: data.length, packedSize: kept.length, offset: out.offset }
    } else {
      const at = out.reserve(headerSize + 3 * units)
      const data = encode(pieces, file, out.block.subarray(at + headerSize))
      const crc = crc32(data)
      // Fewer characters than that, but past Latin-1, can still make as many bytes: deflated in place.
      const deflated = data.length >= deflatedFrom ? deflate(data) : undefined
      if (deflated) out.block.set(deflated, at + headerSize)
      entry = { name, method: deflated ? 'deflated' : 'stored', crc, size: data.length, packedSize: deflated?.length ?? data.length, offset: out.offset }
    }
    out.u32(0x04034b50).u16(versions[entry.method])
    described(out, entry).u16(0).bytes(name)
    out.skip(entry.packedSize)
    return entry
  })
  if (entries.length > 0xffff || out.offset > 0xffffffff) throw new Error('an export this big needs ZIP64, which this writer does not write')
  const directoryOffset = out.offset
  for (const entry of entries) {
    out.reserve(centralHeaderSize + entry.name.length)
    // Made by 2.0, and what the entry needs.
    out.u32(0x02014b50).u16(versions.deflated).u16(versions[entry.method])
    // Then: extra field and comment lengths, disk number, internal and external attributes (none), and where the entry starts.
    described(out, entry).u16(0).u16(0).u16(0).u16(0).u32(0).u32(entry.offset).bytes(entry.name)
  }
  const directorySize = out.offset - directoryOffset
  out.reserve(endSize)
  // Signature, this disk and the directory's disk, entries on this disk and in all, the directory's size and offset, comment length.
  out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(directorySize).u32(directoryOffset).u16(0)
  return out.parts()
}

/** The zip of `files` in one buffer. */
export const zipFiles = (files: readonly ExportFile[]): Uint8Array => Buffer.concat(zipParts(files))

/** Writes a file's text, its pieces one after another, and its final newline, as UTF-8 at the start of `room`; answers the bytes written. */
function encode(pieces: readonly string[], file: ExportFile, room: Buffer): Buffer {
  let at = 0
  for (const piece of pieces) at += room.write(piece, at, 'utf8')
  if (file.finalNewline) room[at++] = 0x0a
  return room.subarray(0, at)
}

/** `data` deflated, unless that does not make it smaller (what deflate cannot shrink stays stored). */
function deflate(data: Buffer): Buffer | undefined {
  const packed = deflateRawSync(data, { level: 1, chunkSize: Math.max(constants.Z_MIN_CHUNK, data.length >> 2) })
  return packed.length < data.length ? packed : undefined
}

/** What the local header and the central directory both say of an entry, in the same order. */
const described = (out: BlockWriter, { name, method, crc, size, packedSize }: Entry) =>
  out.u16(utf8Names).u16(methods[method]).u16(dosTime).u16(dosDate).u32(crc).u32(packedSize).u32(size).u16(name.length)

/** Little-endian fields and bytes one after another, as every zip record is laid out, in blocks of at least a mebibyte. */
class BlockWriter {
  private readonly done: Buffer[] = []
  private doneSize = 0
  block = Buffer.allocUnsafe(0)
  at = 0
  /** Bytes written so far, in all blocks. */
  get offset(): number {
    return this.doneSize + this.at
  }
  /** Makes room for `size` bytes in the current block, and answers where they start in it. */
  reserve(size: number): number {
    if (this.block.length - this.at < size) {
      this.finishBlock()
      this.block = Buffer.allocUnsafe(Math.max(1 << 20, size))
      this.at = 0
    }
    return this.at
  }
  u16(value: number): this {
    this.at = this.block.writeUInt16LE(value, this.at)
    return this
  }
  u32(value: number): this {
    this.at = this.block.writeUInt32LE(value, this.at)
    return this
  }
  bytes(bytes: Buffer): this {
    this.block.set(bytes, this.at)
    this.at += bytes.length
    return this
  }
  /** Moves past bytes already written in place. */
  skip(size: number): this {
    this.at += size
    return this
  }
  parts(): Buffer[] {
    this.finishBlock()
    return this.done
  }
  private finishBlock(): void {
    if (this.at === 0) return
    this.done.push(this.block.subarray(0, this.at))
    this.doneSize += this.at
    this.block = Buffer.allocUnsafe(0)
    this.at = 0
  }
}
