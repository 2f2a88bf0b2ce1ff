import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { type ExportFile, jsonFile } from './exportFiles.ts'
import { zipFiles } from './zip.ts'

const texts = {
  'b/schema.json': '{"b": 1}\n',
  'README.md': '# Contracts\n',
  'a/注文確定.md': 'Bestellung “eingegangen” 🎉\n',
}
const filesOf = (byPath: Record<string, string>): ExportFile[] => Object.entries(byPath).map(([path, text]) => ({ path, content: () => text }))
const files = filesOf(texts)
const unzippedTexts = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).map(([path, bytes]) => [path, strFromU8(bytes)]))

describe('zipping export files', () => {
  test('the same files give the same bytes, whatever their order and whenever it runs', () => {
    const first = zipFiles(files)
    const second = zipFiles([...files].reverse())
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
  })

  test('the same bytes in any time zone', () => {
    const zipIn = (zone: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', `import('./lib/contracts/zip.ts').then(({ zipFiles }) => process.stdout.write(Buffer.from(zipFiles(Object.entries(${JSON.stringify(texts)}).map(([path, text]) => ({ path, content: () => text })))).toString('base64')))`], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      })
    expect(zipIn('Pacific/Kiritimati')).toBe(zipIn('America/Adak'))
    expect(zipIn('UTC')).toBe(Buffer.from(zipFiles(files)).toString('base64'))
  })

  test('it unzips to the same files, sorted by path, dated 1980-01-01', () => {
    const zip = zipFiles(files)
    // The first local header's DOS time and date: 00:00:00, and 1980 (year 0), January, the 1st.
    const header = new DataView(zip.buffer, zip.byteOffset)
    expect([header.getUint16(10, true), header.getUint16(12, true)]).toEqual([0, (1 << 5) | 1])
    const unzipped = unzipSync(zip)
    expect(Object.keys(unzipped)).toEqual(['README.md', 'a/注文確定.md', 'b/schema.json'])
    expect(unzippedTexts(zip)).toEqual(texts)
  })

  test('files of any size and compressibility unzip intact, each whatever the one before it was', () => {
    let seed = 7
    // Text no deflate can shrink, from a fixed pseudo-random sequence.
    const noise = (length: number) => Array.from({ length }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('')
    const big = {
      'big/repetitive.json': JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ field: i % 7, text: 'Order Placed' }))),
      'big/incompressible.txt': noise(300_000),
      'big/multibyte.md': '注文確定 “eingegangen” 🎉 '.repeat(30_000),
      'big/small-after-big.txt': 'x',
      'empty.txt': '',
    }
    expect(unzippedTexts(zipFiles(filesOf(big)))).toEqual(big)
  })

  test('a reader that is not ours (Python’s zipfile) finds every file intact, CRCs checked', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'bundle.zip')
    writeFileSync(path, zipFiles(files))
    const listed = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(chr(10).join(z.namelist()))', path], { encoding: 'utf8' })
    expect(listed.trim().split('\n')).toEqual(['README.md', 'a/注文確定.md', 'b/schema.json'])
  })

  test('a file that ends in a newline written apart unzips with it, small or large', () => {
    const large = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ field: i })))
    const zip = zipFiles([jsonFile('small.json', () => '{"a":1}'), jsonFile('large.json', () => large)])
    expect(unzippedTexts(zip)).toEqual({ 'large.json': `${large}\n`, 'small.json': '{"a":1}\n' })
  })

  test('a small file is stored and a large one deflated to a fraction, and another reader unzips both', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'bundle.zip')
    const large = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ field: i % 7, text: 'Order “Placed”' })))
    writeFileSync(path, zipFiles(filesOf({ 'small.json': '{"a": "注文"}', 'large.json': large })))
    const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(*(f"{i.filename} {i.compress_type} {i.file_size} {i.compress_size}" for i in z.infolist()), sep=chr(10))'
    const [largeEntry, smallEntry] = execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n').map((line) => line.split(' '))
    expect(smallEntry).toEqual(['small.json', '0', String(Buffer.byteLength('{"a": "注文"}')), String(Buffer.byteLength('{"a": "注文"}'))])
    expect(largeEntry!.slice(0, 3)).toEqual(['large.json', '8', String(Buffer.byteLength(large))])
    expect(Number(largeEntry![3])).toBeLessThan(Buffer.byteLength(large) / 10)
  })

  test('a file of fewer characters than a large one but as many bytes (text past Latin-1) is deflated too, and unzips intact', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'bundle.zip')
    // 2,000 characters, 6,000 bytes of UTF-8.
    const wide = '注'.repeat(2000)
    writeFileSync(path, zipFiles(filesOf({ 'wide.md': wide, 'z.md': 'after' })))
    const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(*(f"{i.filename} {i.compress_type} {i.file_size}" for i in z.infolist()), sep=chr(10))'
    expect(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n')).toEqual(['wide.md 8 6000', 'z.md 0 5'])
    expect(unzippedTexts(zipFiles(filesOf({ 'wide.md': wide, 'z.md': 'after' })))).toEqual({ 'wide.md': wide, 'z.md': 'after' })
  })

  test.each(['../escape.json', '/etc/passwd', 'a//b.json', 'a/./b.json', 'a\\..\\b.json'])('a file at %s, outside the bundle, is refused', (path) => {
    expect(() => zipFiles(filesOf({ [path]: 'x' }))).toThrow('may not be written')
  })

  test('two files at one path are refused rather than one silently lost', () => {
    expect(() => zipFiles([...files, ...filesOf({ 'README.md': 'again' })])).toThrow('Two export files at README.md')
  })
})
