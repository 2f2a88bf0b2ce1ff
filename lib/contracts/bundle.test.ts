import { strFromU8, unzipSync } from 'fflate'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { modelOfContent } from '../model/boardModel.ts'
import { bundleFiles } from './bundle.ts'
import { contractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import { type ExportFormat, exportFormats } from './formats.ts'
import { boardContentArbitrary, contextArea, contractsOf, event, ordersAndShipping, written } from './testing.ts'
import { zipFiles } from './zip.ts'

const { bundle, ...rest } = exportFormats
const others: Record<string, ExportFormat> = rest
const readmeOf = (files: ExportFile[]) => files.find((file) => file.path === 'README.md')!.content()

describe('the bundle of every format', () => {
  test('it holds a README and the files of every other format where each puts them, EventCatalog’s as a folder, and no zip inside', () => {
    const contracts = ordersAndShipping()
    const files = bundle.files(contracts)
    expect(files.map((file) => file.path)).toEqual(['README.md', ...Object.values(others).flatMap((format) => format.files(contracts).map((file) => file.path))])
    expect(files.map((file) => file.path)).toContain('eventcatalog/domains/orders/index.mdx')
    expect(files.map((file) => file.path)).toContain('context-map.cml')
    expect(files.some((file) => file.path.endsWith('.zip'))).toBe(false)
    expect(new Set(files.map((file) => file.path)).size).toBe(files.length)
  })

  test('the README says what each format is, where its files are and how to load them, with the EventBridge commands and the problems', () => {
    const readme = readmeOf(bundle.files(ordersAndShipping()))
    expect(readme).toMatch(/^# Event contracts of Online Shop\n/)
    for (const format of Object.values(others)) {
      expect(readme).toContain(format.title)
      expect(readme).toContain(format.description)
      if (format.howToLoad) expect(readme).toContain(format.howToLoad)
    }
    expect(readme).toContain('### EventCatalog: `eventcatalog/`')
    expect(readme).toContain('### Context Mapper, CML: `context-map.cml`')
    expect(readme).toContain(
      "```sh\naws schemas create-registry --registry-name 'com-shop-orders' --description 'Takes orders and “confirms” them.'\naws schemas create-registry --registry-name 'com-online-shop-shipping'",
    )
    expect(readme).toContain("--schema-name 'com.shop.orders@OrderPlaced' --type JSONSchemaDraft4 --description 'Order Placed, published by Order in Orders.' --content file://eventbridge/schemas/com.shop.orders@OrderPlaced.json\n")
    expect(readme).toContain('## Problems met in the export\n\nNone.\n')
  })

  test('a board without events says there is nothing to load, and lists its problems', () => {
    const readme = readmeOf(bundleFiles(others, contractsOf({ contexts: [contextArea('c', 'Orders', 0)] })))
    expect(readme).toContain('The board has no domain events yet: there is no schema to load.')
    expect(readme).toContain('- **warning** (no-events): The board has no domain events yet')
  })

  test('a description holding a code fence cannot close the README’s block of commands', () => {
    const contracts = contractsOf({ elements: [event('e', 'Order Placed', 0, [], { contract: { description: 'a\n```\n## injected', version: 1, producer: '', fields: [] } })] })
    const readme = readmeOf(bundle.files(contracts))
    // A fence of four backticks: the three in the description cannot close it.
    expect(readme).toMatch(/\n````sh\n[^`]*a\n```\n## injected[^`]*\n````\n/)
  })

  test('any board, exported twice, gives byte-identical zips that unzip to the bundle’s files', () => {
    fc.assert(
      fc.property(boardContentArbitrary, (content) => {
        const exportOnce = () => zipFiles(bundle.files(contractModel(modelOfContent(content), content.name)))
        const first = exportOnce()
        expect(Buffer.from(exportOnce()).equals(Buffer.from(first))).toBe(true)
        const unzipped = Object.entries(unzipSync(first)).map(([path, bytes]) => ({ path, content: strFromU8(bytes) }))
        const files = bundle.files(contractModel(modelOfContent(content), content.name))
        expect(unzipped).toEqual(written([...files].sort((a, b) => (a.path < b.path ? -1 : 1))))
      }),
      { numRuns: 30 },
    )
  })
})
