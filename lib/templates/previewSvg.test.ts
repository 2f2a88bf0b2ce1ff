import { describe, expect, test } from 'vitest'
import { type BoardContent, emptyBoardContent } from '../boardFile/boardContent.ts'
import { builtinContent, builtinTemplates } from './builtinTemplates.ts'
import { previewSvg, xmlText } from './previewSvg.ts'

const hostile = [
  '</text><script>alert(1)</script>',
  '<foreignObject><img src="https://evil.example/x.png" onerror="alert(1)"/></foreignObject>',
  '"><svg onload="alert(1)">',
  "' onmouseover='alert(1)",
  '&lt;already escaped&gt; & <![CDATA[ ]]> <!-- comment --> <?xml-stylesheet href="https://evil.example/s.css"?>',
  'controls \u0000\u0001\u001b and a lone surrogate \ud800 and U+FFFF \uffff',
]

function hostileBoard(): BoardContent {
  return {
    ...emptyBoardContent('hostile'),
    elements: hostile.map((text, i) => ({ id: `e${i}`, kind: 'event' as const, text, x: i * 200, y: 0 })),
    contexts: [{ id: 'c', name: hostile[0]!, source: '', team: '', description: '', x: -50, y: -50, w: 1400, h: 400 }],
    lanes: [{ id: 'l', label: hostile[1]!, x: -100, y: 300, w: 1500, h: 200 }],
    boundaries: [{ id: 'b', label: hostile[2]!, x: 600, y: -100, h: 700 }],
    labels: [{ id: 't', text: hostile[3]!, x: 0, y: -120 }],
  }
}

/**
 * What an XML parser would meet: only our five drawing elements, each with
 * plain attributes, and character data with nothing but entity references.
 * Throws at the first thing that is not, so markup in a text cannot hide.
 */
function drawingElements(svg: string): string[] {
  const allowed = /^<(?:\/(?:svg|g|text)|(svg|g|rect|text|line)((?: [a-zA-Z][a-zA-Z0-9-]*="[^"<>&]*")*)(\/?))>/
  const names: string[] = []
  let rest = svg
  while (rest.length > 0) {
    if (rest.startsWith('<')) {
      const tag = allowed.exec(rest)
      if (!tag) throw new Error(`unexpected markup: ${rest.slice(0, 80)}`)
      if (tag[1]) names.push(tag[1])
      rest = rest.slice(tag[0].length)
    } else {
      const data = /^[^<]*/.exec(rest)![0]
      if (/[>"']|&(?!(?:amp|lt|gt|quot|apos);)/.test(data)) throw new Error(`unescaped character data: ${data.slice(0, 80)}`)
      rest = rest.slice(data.length)
    }
  }
  return names
}

describe('template preview pictures', () => {
  test('every built-in template draws as a picture of its stickies, with their text', () => {
    for (const template of builtinTemplates) {
      const content = builtinContent(template)
      const svg = previewSvg(content)
      expect(drawingElements(svg).filter((name) => name === 'rect').length, template.id).toBeGreaterThanOrEqual(content.elements.length)
    }
    const shop = previewSvg(builtinContent(builtinTemplates.find((t) => t.id === 'online-shop')!))
    expect(shop).toContain('>Payment Provider</text>')
    expect(shop).toContain('>Placed</text>')
    expect(shop).toContain('fill="#ff9f43"')
  })

  test('hostile names and texts come out as text, never as markup, scripts or links', () => {
    const svg = previewSvg(hostileBoard())
    expect(new Set(drawingElements(svg))).toEqual(new Set(['svg', 'rect', 'text', 'g', 'line']))
    expect(svg).not.toMatch(/<script|<foreignObject|<img|<!|<\?/i)
    const tags = svg.match(/<[^>]*>/g)!
    expect(tags.filter((tag) => /\s(?:on[a-z]+|href|xlink:href|style)=/i.test(tag))).toEqual([])
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(svg).toContain('&amp;lt;already')
    expect(svg).toContain('&lt;![CDATA[')
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800\uffff]/)
  })

  test('text is escaped for XML, keeping every character XML allows, emoji included', () => {
    expect(xmlText(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;')
    expect(xmlText('Bestellung aufgegeben 📦 – 注文')).toBe('Bestellung aufgegeben 📦 – 注文')
    expect(xmlText('\u0000tab\there\ud83d')).toBe('tab\there')
  })

  test('an empty board is an empty page, and a huge one stays small', () => {
    expect(drawingElements(previewSvg(emptyBoardContent('Empty')))).toEqual(['svg', 'rect'])
    const huge = { ...emptyBoardContent('Huge'), elements: Array.from({ length: 10_000 }, (_, i) => ({ id: `e${i}`, kind: 'event' as const, text: 'x'.repeat(2000), x: (i % 100) * 200, y: Math.floor(i / 100) * 200 })) }
    expect(previewSvg(huge).length).toBeLessThan(1024 * 1024)
  })
})
