import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { zipFiles } from './zip.ts'

const files = [
  { path: 'b/schema.json', content: '{"b": 1}\n' },
  { path: 'README.md', content: '# Contracts\n' },
  { path: 'a/注文確定.md', content: 'Bestellung “eingegangen” 🎉\n' },
]

describe('zipping export files', () => {
  test('the same files give the same bytes, whatever their order and whenever it runs', () => {
    const first = zipFiles(files)
    const second = zipFiles([...files].reverse())
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
  })

  test('the same bytes in any time zone', () => {
    const zipIn = (zone: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', `import('./lib/contracts/zip.ts').then(({ zipFiles }) => process.stdout.write(Buffer.from(zipFiles(${JSON.stringify(files)})).toString('base64')))`], {
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
    expect(Object.fromEntries(Object.entries(unzipped).map(([path, bytes]) => [path, strFromU8(bytes)]))).toEqual(Object.fromEntries(files.map((f) => [f.path, f.content])))
  })

  test('a reader that is not ours (Python’s zipfile) finds every file intact, CRCs checked', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'bundle.zip')
    writeFileSync(path, zipFiles(files))
    const listed = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(chr(10).join(z.namelist()))', path], { encoding: 'utf8' })
    expect(listed.trim().split('\n')).toEqual(['README.md', 'a/注文確定.md', 'b/schema.json'])
  })

  test.each(['../escape.json', '/etc/passwd', 'a//b.json', 'a/./b.json', 'a\\..\\b.json'])('a file at %s, outside the bundle, is refused', (path) => {
    expect(() => zipFiles([{ path, content: 'x' }])).toThrow('may not be written')
  })

  test('two files at one path are refused rather than one silently lost', () => {
    expect(() => zipFiles([...files, { path: 'README.md', content: 'again' }])).toThrow('Two export files at README.md')
  })
})
