import { describe, expect, test } from 'vitest'
import { createBoardSchema } from '../board/boardSchema.ts'
import { readFixture } from '../boardFile/fixtures.ts'
import { type BoardModel, buildBoardModel, elementsOf } from './boardModel.ts'
import { type Finding, checkModel } from './checks.ts'
import { contextShapesFor } from './contextShapes.ts'
import { suggestContexts } from './suggestContexts.ts'
import { fixtureRecords } from './testing.ts'

/** The real EventStormer sample boards (../shared/fixtures/eventstormer), imported as the import endpoint does. */

const countByRule = (findings: Finding[]) => findings.reduce<Record<string, number>>((counts, f) => ({ ...counts, [f.rule]: (counts[f.rule] ?? 0) + 1 }), {})
const textOf = (model: BoardModel) => new Map(elementsOf(model).map((e) => [e.id, e.text]))

describe('the big-picture board (EventStorming facilitation workshop)', () => {
  const records = fixtureRecords('eventstorming-facilitation-workshop')
  const model = buildBoardModel(records)

  test('its model has every sticky outside any context, its events on one timeline, nine boundaries and ten titles', () => {
    expect(model.level).toBe('big-picture')
    expect(elementsOf(model)).toHaveLength(82)
    expect(Object.fromEntries(Object.entries(model.elements).map(([kind, list]) => [kind, list.length]))).toMatchObject({
      event: 56,
      hotspot: 14,
      externalSystem: 8,
      opportunity: 3,
      actor: 1,
    })
    expect(model.contexts).toEqual([])
    expect(model.outsideContexts).toHaveLength(82)
    expect(model.timeline.slice(0, 3).map((id) => textOf(model).get(id))).toEqual(['Budget submitted', 'Budget approved', 'Conference date outlined'])
    expect(model.timeline.at(-1)).toBe('e056')
    expect(model.boundaries.map((b) => b.x)).toEqual([150, 950, 2050, 2650, 3150, 3900, 5250, 5700, 6450])
    expect(model.labels).toHaveLength(10)
  })

  test('the suggestion is one context per titled section between boundaries, holding every sticky once', () => {
    const proposals = suggestContexts(model)
    const raw = readFixture('eventstorming-facilitation-workshop') as { labels: { text: string }[] }
    expect(proposals.map((p) => p.name)).toEqual(raw.labels.map((l) => l.text))
    expect(proposals.map((p) => [p.name, p.elementIds.length])).toEqual([
      ['EMISSION/PLANNING THE CONF', 10],
      ['INSTRUCTOR REGISTRATION & SCHEDULING', 16],
      ['WORKSHOP SCHEDULING', 8],
      ['TICKET SETUP', 4],
      ['MARKETING EVENT', 3],
      ['EARLY BIRD SALE', 8],
      ['REGISTRATION', 12],
      ['REFUND / CANCELLATION', 6],
      ['WORKSHOP EXECUTION', 6],
      ['PAYMENT/PROFIT SHARING', 9],
    ])
    const members = proposals.flatMap((p) => p.elementIds)
    expect(new Set(members).size).toBe(members.length)
    expect(members.sort()).toEqual(elementsOf(model).map((e) => e.id).sort())
    // Before the first boundary, untitled: with the section after it.
    expect(proposals[0]?.elementIds.slice(0, 2)).toEqual(['e001', 'e002'])
  })

  test('accepting the suggestion puts every sticky in the context proposed for it', () => {
    const proposals = suggestContexts(model)
    const shapes = contextShapesFor(proposals, records)
    const schema = createBoardSchema()
    for (const shape of shapes) schema.types.shape.validate(shape)
    const after = buildBoardModel([...records, ...shapes])
    expect(after.outsideContexts).toEqual([])
    expect(after.contexts.map((c) => [c.name, c.elementIds])).toEqual(proposals.map((p) => [p.name, p.elementIds]))
  })

  test('its findings are the events not in the past tense (questions among them) and the open hotspots', () => {
    const findings = checkModel(model)
    expect(countByRule(findings)).toEqual({ 'event-not-past-tense': 20, 'open-hotspot': 14 })
    const flagged = findings.filter((f) => f.rule === 'event-not-past-tense').map((f) => textOf(model).get(f.elementIds[0]!))
    expect(flagged).toEqual(expect.arrayContaining(['Typeform', 'Workshop starts', 'Do we allow online streaming?', 'Early Bird tickets become available']))
    expect(flagged).not.toContain('Conference Dates Established')
    expect(flagged).not.toContain('# of all types of instructors planned')
    expect(flagged).not.toContain('Payments Taken')
  })
})

describe('the process-level board (process modelling grammar)', () => {
  const model = buildBoardModel(fixtureRecords('process-modelling-grammar'))

  test('its flows read the grammar: read model, actor, command, system, event, policy, command, system, event', () => {
    const text = textOf(model)
    const short = (id: string) => text.get(id)!.split(':')[0]
    expect(model.flows.every((f) => f.via === 'adjacency')).toBe(true)
    expect(model.flows.map((f) => `${short(f.from)} → ${short(f.to)}`)).toEqual([
      'Online Menu → Customer',
      'Customer → Place Order',
      'Place Order → EventPizza.com',
      'EventPizza.com → Order placed',
      'Order placed → Confirmation policy',
      "Today's Special Ordered → Cooking policy",
      'Chef → Prepare Pizza',
      'Confirmation policy → Send confirmation message',
      'Cooking policy → Prepare Pizza',
      'Send confirmation message → SMS',
      'SMS → Confirmation message sent',
    ])
  })

  test('its findings are the command that produces no event and the open hotspot', () => {
    const findings = checkModel(model)
    expect(findings.map((f) => `${f.rule}: ${textOf(model).get(f.elementIds[0]!)}`)).toEqual([
      'command-without-event: Prepare Pizza',
      'open-hotspot: OUR MENU IS TOO LONG!',
    ])
  })

  test('its suggestion is one context under its title, holding all fifteen stickies', () => {
    expect(suggestContexts(model).map((p) => [p.name, p.elementIds.length])).toEqual([['PROCESS MODELLING GRAMMAR EXAMPLE', 15]])
  })
})
