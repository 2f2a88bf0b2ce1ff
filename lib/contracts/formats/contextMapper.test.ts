import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { modelOfContent } from '../../model/boardModel.ts'
import { contractModel } from '../contractModel.ts'
import { boardContentArbitrary, contextArea, contractsOf, event, field, ordersAndShipping, written } from '../testing.ts'
import { cmlId, cmlString, contextMapperFiles, contextMapperText } from './contextMapper.ts'

/**
 * No CML parser runs on Node (Context Mapper is Xtext on the JVM), so the
 * tests check what its lexer and linker would: every token one CML knows,
 * strings closed, braces balanced, names declared once and references to
 * declared names.
 */
const token = /\s+|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|\^?[A-Za-z_][A-Za-z0-9_]*|->|[{}<>,=[\]-]|./g
const identifier = /^\^?[A-Za-z_][A-Za-z0-9_]*$/

function structure(cml: string) {
  const tokens = [...cml.matchAll(token)].map((m) => m[0]).filter((t) => t.trim() !== '' && !t.startsWith('//'))
  const unknown = tokens.filter((t) => !identifier.test(t) && !t.startsWith('"') && !['{', '}', '<', '>', ',', '=', '[', ']', '-', '->'].includes(t))
  let depth = 0
  let balanced = true
  for (const t of tokens) {
    depth += t === '{' ? 1 : t === '}' ? -1 : 0
    if (depth < 0) balanced = false
  }
  const after = (keyword: string) => tokens.flatMap((t, i) => (t === keyword ? [tokens[i + 1]!] : []))
  const listAfter = (keyword: string) =>
    tokens.flatMap((t, i) => {
      if (t !== keyword) return []
      const names: string[] = []
      for (let j = i + (tokens[i + 1] === '=' ? 2 : 1); identifier.test(tokens[j]!); j += 2) {
        names.push(tokens[j]!)
        if (tokens[j + 1] !== ',') break
      }
      return names
    })
  const relationships = tokens.flatMap((t, i) => (t === '->' ? [tokens[i - 6]!, tokens[i + 4]!] : []))
  const references = tokens.flatMap((t, i) => (t === '-' ? [tokens[i + 1] === 'List' ? tokens[i + 3]! : tokens[i + 1]!] : []))
  return {
    unknown,
    balanced: balanced && depth === 0,
    contexts: after('BoundedContext'),
    aggregates: after('Aggregate'),
    objects: [...after('DomainEvent'), ...after('ValueObject'), ...after('Command')],
    contains: listAfter('contains'),
    exposed: listAfter('exposedAggregates'),
    relationships,
    references,
    // Inside events and value objects, the second word of a line that is no doc string names an attribute.
    attributes: [...cml.matchAll(/^ {6}(?:- )?(?:List<[^>]+>|[\w^]+) ([\w^]+)/gm)].map((m) => m[1]!),
  }
}

describe('Context Mapper CML export', () => {
  test('the board becomes a context map: a publishing context is upstream of each context reacting to its events, exposing the aggregates behind them', () => {
    const cml = contextMapperText(ordersAndShipping())
    expect(cml).toContain('ContextMap OnlineShop {\n  type = SYSTEM_LANDSCAPE\n  contains Orders, Shipping\n')
    expect(cml).toContain('  // Shipping reacts to OrderPlaced\n  Orders [U,PL]->[D] Shipping {\n    exposedAggregates = Order\n  }\n')
    expect(cml).toContain('BoundedContext Orders {\n  domainVisionStatement = "Takes orders and “confirms” them."\n  // Team: Checkout Team\n  // Event source: com.shop.orders\n')
    expect(cml).toContain('  Application {\n    Command PlaceOrder\n  }\n  Aggregate Order {\n    DomainEvent OrderPlaced {\n')
    expect(cml).toContain('  // Policies: Whenever an order is placed, ship it\n  // External systems: Carrier\n  Aggregate Shipping {\n    // Pivotal')
    expect(structure(cml)).toMatchObject({ unknown: [], balanced: true, relationships: ['Orders', 'Shipping'], exposed: ['Order'] })
  })

  test('fields become attributes: objects and lists of objects value objects, optional fields nullable, enum values and sensitivity as hints', () => {
    const cml = contextMapperText(ordersAndShipping())
    expect(cml).toContain(
      [
        '    DomainEvent OrderPlaced {',
        '      String orderId',
        '      - List<OrderPlacedLines> lines',
        '      - OrderPlacedCustomer customer',
        '      String channel nullable hint = "one of: web, shop"',
        '    }',
        '    ValueObject OrderPlacedLines {',
        '      String sku',
        '      long quantity',
        '    }',
        '    ValueObject OrderPlacedCustomer {',
        '      "Where the \\"receipt\\" goes"',
        '      String ^email hint = "pii"',
        '    }',
      ].join('\n'),
    )
    expect(cml).toContain('      DateTime placedAt\n')
    expect(structure(cml).attributes).toEqual(['orderId', 'lines', 'customer', 'channel', 'sku', 'quantity', '^email', 'trackingId', 'placedAt'])
    expect(structure(cml).references).toEqual(['OrderPlacedLines', 'OrderPlacedCustomer'])
  })

  test('names that CML reserves are escaped, text is quoted on one line, and an event name two contexts share is told apart', () => {
    expect(cmlId('Aggregate')).toBe('^Aggregate')
    expect(cmlId('type')).toBe('^type')
    expect(cmlId('OrderPlaced')).toBe('OrderPlaced')
    expect(cmlString('a "b" \\ c\nd\u0001')).toBe('"a \\"b\\" \\\\ c\\nd\\u0001"')

    const cml = contextMapperText(
      contractsOf(
        {
          contexts: [contextArea('a', 'Event', 0, { description: 'Line one\nline two' }), contextArea('b', 'Returns', 1000)],
          elements: [event('e1', 'Order Placed', 100, [field('type'), field('key', { type: 'boolean' })]), event('e2', 'Order Placed', 1100)],
        },
        'Map',
      ),
    )
    expect(cml).toContain('ContextMap ^Map {')
    expect(cml).toContain('BoundedContext ^Event {\n  domainVisionStatement = "Line one\\nline two"')
    expect(cml).toContain('DomainEvent EventOrderPlaced {\n      String ^type\n      boolean ^key\n')
    expect(cml).toContain('DomainEvent ReturnsOrderPlaced {')
  })

  test('it is one file, context-map.cml', () => {
    const contracts = ordersAndShipping()
    expect(written(contextMapperFiles(contracts))).toEqual([{ path: 'context-map.cml', content: contextMapperText(contracts) }])
  })

  test('any board gives CML whose tokens are CML’s, braces balance, names are valid and unique, and every reference names a declaration', () => {
    fc.assert(
      fc.property(boardContentArbitrary, (content) => {
        const contracts = contractModel(modelOfContent(content), content.name)
        const found = structure(contextMapperText(contracts))
        expect(found.unknown).toEqual([])
        expect(found.balanced).toBe(true)
        for (const names of [found.contexts, found.aggregates, found.objects]) {
          for (const name of names) expect(name).toMatch(identifier)
          expect(new Set(names).size).toBe(names.length)
        }
        expect(found.contexts).toHaveLength(contracts.contexts.length)
        expect(found.contains).toEqual(found.contexts)
        for (const end of found.relationships) expect(found.contexts).toContain(end)
        for (const aggregate of found.exposed) expect(found.aggregates).toContain(aggregate)
        for (const object of found.references) expect(found.objects).toContain(object)
        for (const name of [...found.contexts, ...found.aggregates, ...found.objects, ...found.attributes]) {
          if (!name.startsWith('^')) expect(cmlId(name), 'a keyword left unescaped').toBe(name)
        }
      }),
      { numRuns: 100 },
    )
  })
})
