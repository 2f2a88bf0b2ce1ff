import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { boardFileFormat, boardFileVersion } from '../boardFile/boardFile.ts'
import { readFixture } from '../boardFile/fixtures.ts'
import type { EventField } from '../board/eventContract.ts'
import { contextArea, event, field } from './testing.ts'

/** The command line as a pipeline runs it: a real process, real files, its exit code and output. */
function contracts(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/contracts.ts', ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, out: run.stdout, err: run.stderr }
}

function boardFile(folder: string, fields: EventField[]): string {
  const path = join(folder, `board-${fields.length}.json`)
  const content = {
    format: boardFileFormat,
    version: boardFileVersion,
    name: 'Online Shop',
    level: 'process',
    contexts: [contextArea('orders', 'Orders', 0, { source: 'com.shop.orders' })],
    elements: [event('placed', 'Order Placed', 100, fields)],
    lanes: [],
    boundaries: [],
    labels: [],
    flows: [],
  }
  writeFileSync(path, JSON.stringify(content))
  return path
}

describe('npm run contracts', () => {
  test('export writes every format and the history; check passes an unchanged board and fails a breaking one with a readable report', () => {
    const folder = mkdtempSync(join(tmpdir(), 'contracts-'))
    const out = join(folder, 'out')
    const before = boardFile(folder, [field('orderId')])
    const exported = contracts('export', before, '--out', out)
    expect(exported.code, exported.err).toBe(0)
    expect(existsSync(join(out, 'eventbridge/schemas/com.shop.orders@OrderPlaced.json'))).toBe(true)
    expect(JSON.parse(readFileSync(join(out, 'contract-history.json'), 'utf8')).exports).toHaveLength(1)

    expect(contracts('check', before, '--against', out).code).toBe(0)
    const optional = contracts('check', boardFile(folder, [field('orderId'), field('coupon', { required: false })]), '--against', out)
    expect(optional.code).toBe(0)
    const breaking = contracts('check', boardFile(folder, [field('orderId'), field('coupon', { required: false }), field('currency')]), '--against', out, '--mode', 'BACKWARD')
    expect(breaking.code).toBe(1)
    expect(breaking.out).toContain('Breaks BACKWARD')
    expect(breaking.out).toMatch(/✗ com\.shop\.orders@OrderPlaced: changed 1\.0\.0 → 2\.0\.0/)
    expect(breaking.out).toMatch(/breaks: currency was added as a required property/)
  })

  test('an EventStormer board exports without a server', () => {
    const folder = mkdtempSync(join(tmpdir(), 'contracts-'))
    const path = join(folder, 'grammar.json')
    writeFileSync(path, JSON.stringify(readFixture('process-modelling-grammar')))
    const exported = contracts('export', path, '--out', join(folder, 'out'))
    expect(exported.code, exported.err).toBe(0)
    expect(exported.out).toMatch(/Wrote the contracts of \d+ events/)
  })

  test('bad usage and unreadable input exit 2 with the reason', () => {
    const folder = mkdtempSync(join(tmpdir(), 'contracts-'))
    expect(contracts().code).toBe(2)
    expect(contracts('publish', 'x').err).toContain('unknown command publish')
    expect(contracts('check', join(folder, 'missing.json'), '--against', folder).err).toContain('cannot read')
    const board = boardFile(folder, [field('orderId')])
    expect(contracts('check', board, '--against', folder).err).toContain('holds no contract-history.json')
    writeFileSync(join(folder, 'contract-history.json'), '{"format": "something else"}')
    const hostile = contracts('check', board, '--against', folder)
    expect(hostile.code).toBe(2)
    expect(hostile.err).toContain('is not a contract history')
    expect(contracts('export', board, '--out', join(folder, 'o'), '--mode', 'SIDEWAYS').err).toContain('unknown mode SIDEWAYS')
  })
})
