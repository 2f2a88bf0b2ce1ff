import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { modelOfContent } from '../model/boardModel.ts'
import { contractModel } from './contractModel.ts'
import { exportFormats, formatIds, formatText } from './formats.ts'
import { boardContentArbitrary, written } from './testing.ts'
import { zipFiles } from './zip.ts'

describe('Export formats', () => {
  test('two exports of an unchanged board are byte-identical in every format, and no format writes two files at one path, even where case is ignored', () => {
    fc.assert(
      fc.property(boardContentArbitrary, (content) => {
        const [first, second] = [0, 1].map(() => contractModel(modelOfContent(structuredClone(content)), content.name))
        for (const id of formatIds) {
          const format = exportFormats[id]
          const files = format.files(first!)
          if (format.answer.type === 'zip') expect(zipFiles(format.files(second!)), id).toEqual(zipFiles(files))
          else expect(formatText(format, second!), id).toBe(formatText(format, first!))
          expect(written(format.files(second!)), id).toEqual(written(files))
          expect(new Set(files.map((f) => f.path.toLowerCase())).size, id).toBe(files.length)
        }
      }),
      { numRuns: 30 },
    )
  }, 60_000)
})
