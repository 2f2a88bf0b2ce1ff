import { describe, expect, test } from 'vitest'
import { JsonText, jsonText } from './jsonText.ts'

describe('JSON with parts already serialised', () => {
  const part = { type: 'object', properties: { name: { type: 'string', description: 'Quoted "here", and ü' } }, required: ['name'] }
  const documentWith = (value: unknown) => ({ title: 'Order Placed', items: [value, 1, value], nested: { detail: value, after: true } })

  test('a part given as its text is written where its value would be', () => {
    const text = new JsonText(JSON.stringify(part))
    expect(jsonText(documentWith(text))).toBe(JSON.stringify(documentWith(part)))
    expect(jsonText(text)).toBe(JSON.stringify(part))
    expect(jsonText(documentWith(part))).toBe(JSON.stringify(documentWith(part)))
  })

  test('whoever else serialises a document holding a part, indented or not, writes the same JSON', () => {
    const text = new JsonText(JSON.stringify(part))
    expect(JSON.stringify(documentWith(text), null, 2)).toBe(JSON.stringify(documentWith(part), null, 2))
  })

  test('sticky text that happens to hold the marker parts are spliced at is still written as it is', () => {
    // The marker is random; a part serialised outside its place reveals it.
    let marker: unknown
    jsonText({ probe: { toJSON: () => (marker = new JsonText('0').toJSON()) } })
    expect(typeof marker).toBe('string')
    const document = { description: marker, detail: new JsonText(JSON.stringify(part)), also: [marker] }
    expect(jsonText(document)).toBe(JSON.stringify({ description: marker, detail: part, also: [marker] }))
  })
})
