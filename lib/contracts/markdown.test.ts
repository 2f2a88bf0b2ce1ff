import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseFrontmatter } from '@eventcatalog/linter'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { markdownDocument, markdownText } from './markdown.ts'

const dir = mkdtempSync(join(tmpdir(), 'frontmatter-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Read back as EventCatalog's linter reads a catalog file (gray-matter). */
async function readBack(document: string) {
  const path = join(dir, 'index.mdx')
  writeFileSync(path, document)
  const parsed = await parseFrontmatter({ path, relativePath: 'index.mdx', resourceType: 'event', resourceId: 'x' })
  if ('error' in parsed) throw parsed.error
  return parsed
}

describe('Markdown with frontmatter', () => {
  test('frontmatter is block YAML with every string quoted, lists of values and of objects, and the body after a blank line', () => {
    const document = markdownDocument(
      { id: 'OrderPlaced', version: '1.0.0', owners: ['checkout'], badges: [{ content: 'RED', textColor: 'red' }], sends: [], hidden: false },
      'Body\n\n',
    )
    expect(document).toBe(
      [
        '---',
        'id: "OrderPlaced"',
        'version: "1.0.0"',
        'owners:',
        '  - "checkout"',
        'badges:',
        '  - content: "RED"',
        '    textColor: "red"',
        'sends: []',
        'hidden: false',
        '---',
        '',
        'Body',
        '',
      ].join('\n'),
    )
  })

  test('any text, from any script, with quotes, colons, newlines or a line of dashes, reads back as written', async () => {
    const texts = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 200, seed: 7 })
    const hostile = ['---', 'a: b', '"quoted"', "it's", '- item', '1.0', 'true', 'null', '注文確定 🎉', 'line\nbreak\r\n---\n', '\u0085\u2028\u00a0\ufeff', '#comment', '{a: 1}', '&anchor *alias']
    for (const text of [...hostile, ...texts]) {
      const { frontmatter, content } = await readBack(markdownDocument({ name: text, list: [text, { text }] }, 'Body'))
      expect(frontmatter).toEqual({ name: text, list: [text, { text }] })
      expect(content.trim()).toBe('Body')
    }
  })

  test('body text stays on one line and every mark MDX or Markdown would read as code, markup or a link is escaped', () => {
    expect(markdownText('  Ship {order}\n<b>now</b> *fast* [x](y) `z` #1 a|b ~c~ !img :dir $m &amp; \\ ')).toBe(
      'Ship \\{order\\} \\<b\\>now\\</b\\> \\*fast\\* \\[x\\](y) \\`z\\` \\#1 a\\|b \\~c\\~ \\!img \\:dir \\$m \\&amp; \\\\',
    )
  })
})
