import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { elementKindDefinitions } from '../board/elementKinds.ts'
import { defaultLabelProps } from '../board/shapes/labelShape.ts'
import type { BoardContent } from '../boardFile/boardContent.ts'
import { eventStormerBoard, eventStormerToContent } from '../boardFile/eventStormer.ts'
import { readFixture } from '../boardFile/fixtures.ts'
import { buildBoardModel } from './boardModel.ts'
import type { Bounds } from './geometry.ts'
import { contextShapesFor } from './contextShapes.ts'
import { type ContextProposal, suggestContexts } from './suggestContexts.ts'
import { boardRecords, motorInsuranceWorkshop, row, sticky } from './testing.ts'

/**
 * Context suggestion on boards in layouts the fixtures do not have, built
 * here: each test names the sections a person reads on the board, with their
 * stickies. Our stickies are 160 square and 200 apart (testing.ts `row`).
 */

const suggest = (content: Partial<BoardContent>) => suggestContexts(buildBoardModel(boardRecords(content)))
const sections = (proposals: ContextProposal[]) => proposals.map((p) => [p.name, p.elementIds])
const sectionsRead = (proposals: ContextProposal[]) => proposals.map((p) => [p.name, p.confidence, p.elementIds])
const events = (x: number, y: number, ...names: string[]) => row(x, y, ...names.map((name) => sticky('event', name)))
const label = (id: string, text: string, x: number, y: number, w?: number) => ({ id, text, x, y, ...(w && { w }) })
const boundary = (id: string, x: number, y: number, h: number) => ({ id, label: '', x, y, h })
const imported = (board: unknown, name = 'Imported') => eventStormerToContent(eventStormerBoard.parse(board), name)

/** Accepting the proposals puts every proposed sticky in the context proposed for it, and nothing more is suggested. */
function expectAcceptedAsProposed(content: Partial<BoardContent>) {
  const records = boardRecords(content)
  const proposals = suggestContexts(buildBoardModel(records))
  const after = buildBoardModel([...records, ...contextShapesFor(proposals, records)])
  expect(after.contexts.map((c) => [c.name, c.elementIds]).sort()).toEqual(proposals.map((p) => [p.name, p.elementIds]).sort())
  expect(suggestContexts(after)).toEqual([])
}

const singleRow: Partial<BoardContent> = {
  labels: [label('ordering', 'Ordering', 0, 0), label('payment', 'Payment', 1040, 20), label('shipping', 'Shipping', 2020, 0)],
  boundaries: [boundary('placed', 1000, -100, 600), boundary('paid', 1960, -100, 600)],
  elements: [
    ...events(0, 200, 'Basket Filled', 'Order Placed'),
    ...row(400, 200, sticky('command', 'Pay Order'), sticky('event', 'Order Paid', { pivotal: true }), sticky('event', 'Receipt Sent')),
    ...events(1040, 200, 'Card Charged', 'Invoice Sent'),
    ...events(2000, 200, 'Parcel Packed', 'Parcel Sent'),
  ],
}

/** Two rows, each with a boundary that spans only that row, and titles above each row at different heights. */
const partialBoundaries: Partial<BoardContent> = {
  labels: [label('ordering', 'Ordering', 0, 80), label('payment', 'Payment', 650, 40), label('kitchen', 'Kitchen', 0, 760), label('delivery', 'Delivery', 1050, 790)],
  boundaries: [boundary('ordered', 610, 150, 260), boundary('baked', 1010, 850, 260)],
  elements: [
    ...events(0, 200, 'Menu Browsed', 'Pizza Chosen', 'Order Placed'),
    ...events(650, 200, 'Card Charged', 'Receipt Sent'),
    ...events(0, 900, 'Dough Rolled', 'Pizza Topped', 'Pizza Baked', 'Pizza Boxed', 'Box Labelled'),
    ...events(1050, 900, 'Courier Left', 'Pizza Delivered'),
  ],
}

/** Each row titled in its own band, left of its first sticky; no boundaries. */
const titlesLeft: Partial<BoardContent> = {
  labels: [label('journey', 'Customer journey', -600, 220), label('back-office', 'Back office', -600, 920)],
  elements: [...events(0, 200, 'Account Opened', 'Card Ordered'), ...events(0, 900, 'Identity Checked', 'Card Printed')],
}

/** Titles written inside the row, at the start of each section, in the stickies' band. */
const titlesInside: Partial<BoardContent> = {
  labels: [label('ordering', 'Ordering', 0, 210), label('shipping', 'Shipping', 840, 220)],
  boundaries: [boundary('paid', 800, 0, 600)],
  elements: [...events(0, 200, 'Order Placed', 'Order Paid'), ...events(840, 200, 'Parcel Packed', 'Parcel Sent')],
}

/** Drawn lanes: one titled by its label only, one with titles inside it, one unlabelled; a boundary across all three. */
const lanes: Partial<BoardContent> = {
  lanes: [
    { id: 'customer', label: 'Customer', x: -200, y: 0, w: 2600, h: 400 },
    { id: 'kitchen', label: 'Kitchen', x: -200, y: 400, w: 2600, h: 400 },
    { id: 'unnamed', label: '', x: -200, y: 800, w: 2600, h: 400 },
  ],
  labels: [label('baking', 'Baking', 0, 420), label('packing', 'Packing', 1050, 440)],
  boundaries: [boundary('out', 1000, 0, 1200)],
  elements: [
    ...events(0, 120, 'Pizza Ordered', 'Order Paid'),
    ...events(1200, 120, 'Pizza Collected'),
    ...events(0, 560, 'Dough Rolled', 'Pizza Baked'),
    ...events(1050, 560, 'Pizza Boxed'),
    ...events(0, 920, 'Van Loaded', 'Van Departed'),
    ...events(1200, 920, 'Pizza Delivered', 'Tip Received'),
  ],
}

/** A wide banner over two untitled rows is the board's title, not a section's. */
const bannerTitle: Partial<BoardContent> = {
  labels: [label('banner', 'Pizza delivery workshop', -100, 0, 3000)],
  elements: [...events(0, 200, 'Order Placed', 'Order Paid'), ...events(0, 900, 'Pizza Baked', 'Pizza Boxed')],
}

/** The only title, at the top left over two untitled rows, heads them both. */
const loneTitle: Partial<BoardContent> = {
  labels: [label('title', 'Pizza delivery workshop', 0, 0)],
  elements: [...events(0, 200, 'Order Placed', 'Order Paid'), ...events(0, 900, 'Pizza Baked', 'Pizza Boxed')],
}

describe('reading boards in layouts the fixtures do not have', () => {
  test('a single row: boundaries and a pivotal event split it, each part named by the title above it', () => {
    const proposals = suggest(singleRow)
    expect(sections(proposals)).toEqual([
      ['Ordering', ['basket-filled', 'order-placed', 'pay-order', 'order-paid']],
      // After the pivotal event, untitled: it joins the next titled section.
      ['Payment', ['receipt-sent', 'card-charged', 'invoice-sent']],
      ['Shipping', ['parcel-packed', 'parcel-sent']],
    ])
    expect(proposals[0]).toMatchObject({ confidence: 'high', reason: 'Titled “Ordering” above its row; from the start of the row to just after the pivotal event “Order Paid”.' })
    // The boundary stands just before "Shipping": the title heads what follows it.
    expect(proposals[2]).toMatchObject({ confidence: 'high', boundaryIds: ['paid'] })
    expectAcceptedAsProposed(singleRow)
  })

  test('several rows: a boundary splits only the row it spans, and each row has its own titles', () => {
    const proposals = suggest(partialBoundaries)
    expect(sectionsRead(proposals)).toEqual([
      ['Ordering', 'high', ['menu-browsed', 'pizza-chosen', 'order-placed']],
      ['Payment', 'high', ['card-charged', 'receipt-sent']],
      ['Kitchen', 'high', ['dough-rolled', 'pizza-topped', 'pizza-baked', 'pizza-boxed', 'box-labelled']],
      ['Delivery', 'high', ['courier-left', 'pizza-delivered']],
    ])
    expectAcceptedAsProposed(partialBoundaries)
  })

  test('titles left of their rows name the whole row', () => {
    const proposals = suggest(titlesLeft)
    expect(sections(proposals)).toEqual([
      ['Customer journey', ['account-opened', 'card-ordered']],
      ['Back office', ['identity-checked', 'card-printed']],
    ])
    expect(proposals.map((p) => p.reason)).toEqual([
      'Titled “Customer journey” in its row; from the start of the row to the end of the row.',
      'Titled “Back office” in its row; from the start of the row to the end of the row.',
    ])
    expectAcceptedAsProposed(titlesLeft)
  })

  test('titles inside the row, at the start of each section, name their sections', () => {
    const proposals = suggest(titlesInside)
    expect(sections(proposals)).toEqual([
      ['Ordering', ['order-placed', 'order-paid']],
      ['Shipping', ['parcel-packed', 'parcel-sent']],
    ])
    expect(proposals[1]).toMatchObject({ confidence: 'high', reason: 'Titled “Shipping” in its row; from the boundary after “Order Paid” to the end of the row.' })
    expectAcceptedAsProposed(titlesInside)
  })

  test('lanes: a lane’s label names a lane without titles, titles in a lane win over its label, an unlabelled lane gets guesses', () => {
    const proposals = suggest(lanes)
    expect(sectionsRead(proposals)).toEqual([
      ['Customer', 'medium', ['pizza-ordered', 'order-paid', 'pizza-collected']],
      ['Baking', 'high', ['dough-rolled', 'pizza-baked']],
      ['Packing', 'high', ['pizza-boxed']],
      ['Van', 'low', ['van-loaded', 'van-departed']],
      ['Pizza & Tip', 'low', ['pizza-delivered', 'tip-received']],
    ])
    expect(proposals[0]?.reason).toBe('The lane “Customer”; from the start of the row to the end of the row, across the boundary after “Order Paid”.')
    expectAcceptedAsProposed(lanes)
  })

  test('a banner spanning every row is the board’s title: the rows get guessed names', () => {
    const proposals = suggest(bannerTitle)
    expect(sections(proposals)).toEqual([
      ['Order', ['order-placed', 'order-paid']],
      ['Pizza', ['pizza-baked', 'pizza-boxed']],
    ])
    expect(proposals.every((p) => p.guessed && p.confidence === 'low')).toBe(true)
  })

  test('the only title, at the top left over several rows, is the board’s title: the rows get guessed names', () => {
    expect(sections(suggest(loneTitle))).toEqual([
      ['Order', ['order-placed', 'order-paid']],
      ['Pizza', ['pizza-baked', 'pizza-boxed']],
    ])
  })

  test('the issue’s board: partial boundaries, titles at different heights and at a row’s left, hotspots and a question between rows, the board’s title and a note', () => {
    const content = imported(motorInsuranceWorkshop)
    const proposals = suggest(content)
    expect(sections(proposals)).toEqual([
      ['QUOTE', ['quote-requested', 'who-approves-high-risk-drivers', 'risk-assessed', 'driver-history-checked', 'quote-sent']],
      ['POLICY SALE', ['quote-accepted', 'payment-details-captured', 'what-if-the-card-is-declined', 'policy-issued']],
      ['ONBOARDING', ['welcome-pack-sent', 'customer-portal-account-created']],
      ['CLAIMS', ['accident-reported', 'claim-filed', 'fraud-checks', 'damage-assessed', 'claim-approved']],
      ['SETTLEMENT', ['repair-booked', 'repair-paid', 'claim-closed']],
    ])
    expect(proposals.map((p) => [p.name, p.confidence, p.titleId, p.boundaryIds])).toEqual([
      ['QUOTE', 'high', 'label-quote', ['boundary-quoted']],
      ['POLICY SALE', 'high', 'label-policy-sale', ['boundary-quoted', 'boundary-sold']],
      ['ONBOARDING', 'high', 'label-onboarding', ['boundary-sold']],
      ['CLAIMS', 'high', 'label-claims', ['boundary-approved']],
      ['SETTLEMENT', 'high', 'label-settlement', ['boundary-approved']],
    ])
    expect(proposals[1]?.reason).toBe('Titled “POLICY SALE” above its row; from the boundary after “Quote Sent” to the boundary after “Policy Issued”.')
    expect(proposals[3]?.reason).toBe('Titled “CLAIMS” in its row; from the start of the row to the boundary after “Claim Approved”.')
    expectAcceptedAsProposed(content)
  })
})

/** The board moved by (dx, dy) and scaled by `scale` about the origin: every position and size. */
function transformed(content: BoardContent, scale: number, dx: number, dy: number): BoardContent {
  const at = (x: number, y: number) => ({ x: x * scale + dx, y: y * scale + dy })
  return {
    ...content,
    elements: content.elements.map((e) => ({
      ...e,
      ...at(e.x, e.y),
      w: (e.w ?? elementKindDefinitions[e.kind].w) * scale,
      h: (e.h ?? elementKindDefinitions[e.kind].h) * scale,
    })),
    contexts: content.contexts.map((c) => ({ ...c, ...at(c.x, c.y), w: c.w * scale, h: c.h * scale })),
    lanes: content.lanes.map((l) => ({ ...l, ...at(l.x, l.y), w: l.w * scale, h: l.h * scale })),
    boundaries: content.boundaries.map((b) => ({ ...b, ...at(b.x, b.y), h: b.h * scale })),
    labels: content.labels.map((l) => ({ ...l, ...at(l.x, l.y), w: (l.w ?? defaultLabelProps().w) * scale })),
  }
}

const complete = (content: Partial<BoardContent>): BoardContent => ({ ...imported({ stickies: [] }), ...content })

/** A messy board: stickies, boundaries, labels and lanes anywhere on a grid, so that scaling and moving stay exact. */
const arbitraryBoard: fc.Arbitrary<BoardContent> = fc
  .record({
    stickies: fc.array(
      fc.record({
        kind: fc.constantFrom('event', 'event', 'event', 'hotspot', 'command', 'policy'),
        text: fc.constantFrom('Order Placed', 'Order Paid', 'Parcel Sent', 'Claim Filed', 'Who pays?', 'Refund Issued'),
        x: fc.integer({ min: 0, max: 60 }),
        y: fc.integer({ min: 0, max: 30 }),
        pivotal: fc.boolean(),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    boundaries: fc.array(fc.record({ x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 30 }), h: fc.integer({ min: 1, max: 30 }) }), { maxLength: 6 }),
    labels: fc.array(fc.record({ x: fc.integer({ min: -5, max: 60 }), y: fc.integer({ min: -5, max: 30 }), w: fc.integer({ min: 1, max: 80 }) }), { maxLength: 6 }),
    lanes: fc.array(fc.record({ y: fc.integer({ min: 0, max: 30 }), h: fc.integer({ min: 1, max: 10 }), label: fc.constantFrom('', 'Kitchen') }), { maxLength: 2 }),
  })
  .map(({ stickies, boundaries, labels, lanes }) =>
    complete({
      // A grid of 40: stickies 160 square overlap, touch and stand apart.
      elements: stickies.map((s, i) => ({ id: `s${i}`, kind: s.kind, text: s.text, x: s.x * 40, y: s.y * 40, pivotal: s.kind === 'event' && s.pivotal })),
      boundaries: boundaries.map((b, i) => ({ id: `b${i}`, label: '', x: b.x * 40, y: b.y * 40, h: b.h * 40 })),
      labels: labels.map((l, i) => ({ id: `l${i}`, text: `Section ${i}`, x: l.x * 40, y: l.y * 40, w: l.w * 40 })),
      lanes: lanes.map((l, i) => ({ id: `lane${i}`, label: l.label, x: -400, y: l.y * 40, w: 4000, h: l.h * 40 })),
    }),
  )

/** What a proposal says, apart from where its area lies. */
const readingOf = (proposals: ContextProposal[]) => proposals.map(({ bounds: _bounds, ...reading }) => reading)
const proposalsOf = (content: BoardContent) => suggestContexts(buildBoardModel(boardRecords(content)))

describe('the reading does not depend on where the board sits or how large it is drawn', () => {
  const boards: [string, BoardContent][] = [
    ['single row', complete(singleRow)],
    ['partial boundaries', complete(partialBoundaries)],
    ['titles left', complete(titlesLeft)],
    ['titles inside', complete(titlesInside)],
    ['lanes', complete(lanes)],
    ['banner title', complete(bannerTitle)],
    ['lone title', complete(loneTitle)],
    ['the issue’s board', imported(motorInsuranceWorkshop)],
    ['the big-picture fixture', imported(readFixture('eventstorming-facilitation-workshop'))],
    ['the process-level fixture', imported(readFixture('process-modelling-grammar'))],
  ]
  const moves = fc.record({
    scale: fc.constantFrom(0.25, 0.5, 2, 3, 5),
    dx: fc.integer({ min: -100_000, max: 100_000 }),
    dy: fc.integer({ min: -100_000, max: 100_000 }),
  })

  function expectSameReading(content: BoardContent, { scale, dx, dy }: { scale: number; dx: number; dy: number }) {
    const before = proposalsOf(content)
    const after = proposalsOf(transformed(content, scale, dx, dy))
    expect(readingOf(after)).toEqual(readingOf(before))
    const moved = ({ x, y, w, h }: Bounds) => ({ x: x * scale + dx, y: y * scale + dy, w: w * scale, h: h * scale })
    expect(after.map((p) => p.bounds)).toEqual(before.map((p) => moved(p.bounds)))
  }

  test.each(boards)('%s: moving every sticky by one offset or scaling the board changes no proposal', (_, content) => {
    fc.assert(fc.property(moves, (move) => expectSameReading(content, move)), { numRuns: 8 })
  })

  test('any board: moving and scaling it changes no proposal', () => {
    fc.assert(fc.property(arbitraryBoard, moves, (content, move) => expectSameReading(content, move)), { numRuns: 150 })
  })
})
