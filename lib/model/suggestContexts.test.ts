import { describe, expect, test } from 'vitest'
import { createBoardSchema } from '../board/boardSchema.ts'
import { contextShapeType } from '../board/shapes/contextShape.ts'
import type { BoardContent } from '../boardFile/boardContent.ts'
import { buildBoardModel } from './boardModel.ts'
import { contextShapesFor } from './contextShapes.ts'
import { suggestContexts } from './suggestContexts.ts'
import { boardRecords, row, sticky } from './testing.ts'

const suggest = (content: Partial<BoardContent>) => suggestContexts(buildBoardModel(boardRecords(content)))
const named = (proposals: ReturnType<typeof suggest>) => proposals.map((p) => [p.name, p.elementIds])
const why = (proposals: ReturnType<typeof suggest>) => proposals.map((p) => [p.name, p.confidence, p.reason])
const title = (id: string, text: string, x: number, y = 0) => ({ id, text, x, y })
const boundary = (id: string, x: number, label = '') => ({ id, label, x, y: 0, h: 800 })
const events = (x: number, ...names: string[]) => row(x, 200, ...names.map((name) => sticky('event', name)))

describe('context suggestion', () => {
  test('a title starts a section that runs to the next title or boundary', () => {
    const proposals = suggest({
      labels: [title('t1', 'Ordering', 0), title('t2', 'Payment', 400), title('t3', 'Shipping', 1000)],
      boundaries: [boundary('b1', 800)],
      elements: [...events(0, 'Basket Filled', 'Order Placed'), ...events(400, 'Card Charged'), ...events(840, 'Receipt Sent'), ...events(1000, 'Parcel Sent')],
    })
    expect(named(proposals)).toEqual([
      ['Ordering', ['basket-filled', 'order-placed']],
      ['Payment', ['card-charged']],
      // After the boundary and before the next title: it joins the next section.
      ['Shipping', ['receipt-sent', 'parcel-sent']],
    ])
    expect(why(proposals)).toEqual([
      ['Ordering', 'medium', 'Titled “Ordering” above its row; from the start of the row to the title “Payment”.'],
      ['Payment', 'medium', 'Titled “Payment” above its row; from its title to the boundary after “Card Charged”.'],
      ['Shipping', 'high', 'Titled “Shipping” above its row; from the boundary after “Card Charged” to the end of the row.'],
    ])
    expect(proposals.map((p) => [p.titleId, p.boundaryIds, p.guessed])).toEqual([
      ['t1', [], false],
      ['t2', ['b1'], false],
      ['t3', ['b1'], false],
    ])
  })

  test('an untitled stretch joins the next titled section, or the previous one at the end of the timeline', () => {
    const proposals = suggest({
      labels: [title('t1', 'Ordering', 400)],
      boundaries: [boundary('b1', 300), boundary('b2', 800)],
      elements: [...events(0, 'Shop Visited'), ...events(400, 'Order Placed'), ...events(900, 'Order Archived')],
    })
    expect(named(proposals)).toEqual([['Ordering', ['shop-visited', 'order-placed', 'order-archived']]])
  })

  test('a pivotal event splits the timeline just after itself', () => {
    const proposals = suggest({
      labels: [title('t1', 'Ordering', 0), title('t2', 'Fulfilment', 1000)],
      elements: events(0, 'Order Placed', 'Order Paid', 'Parcel Packed', 'Parcel Sent').map((e) => (e.id === 'order-paid' ? { ...e, pivotal: true } : e)),
    })
    expect(named(proposals)).toEqual([
      ['Ordering', ['order-placed', 'order-paid']],
      ['Fulfilment', ['parcel-packed', 'parcel-sent']],
    ])
  })

  test('a title with a subtitle under it names one section, after the title', () => {
    const proposals = suggest({
      labels: [title('sub', 'Based on a real workshop', 10, 40), title('main', 'Pizza  delivery\n', 0, 0)],
      elements: events(0, 'Order Placed', 'Pizza Delivered'),
    })
    expect(named(proposals)).toEqual([['Pizza delivery', ['order-placed', 'pizza-delivered']]])
  })

  test('a label under the stickies is a note, not a title', () => {
    const proposals = suggest({ labels: [title('note', 'Cash only here', 200, 400)], elements: events(0, 'Order Placed') })
    expect(proposals).toEqual([])
  })

  test('a lane without titles is one context named by its label; an unlabelled one gets a guessed name', () => {
    const proposals = suggest({
      lanes: [
        { id: 'shop', label: 'Shop', x: 0, y: 0, w: 2000, h: 400 },
        { id: 'empty', label: 'Nobody', x: 0, y: 400, w: 2000, h: 400 },
        { id: 'kitchen', label: '', x: 0, y: 800, w: 2000, h: 400 },
      ],
      elements: [...row(0, 100, sticky('command', 'Order Pizza'), sticky('event', 'Pizza Ordered')), ...row(0, 900, sticky('event', 'Pizza Baked'))],
    })
    expect(named(proposals)).toEqual([
      ['Shop', ['order-pizza', 'pizza-ordered']],
      ['Pizza', ['pizza-baked']],
    ])
    expect(why(proposals)).toEqual([
      ['Shop', 'medium', 'The lane “Shop”; from the start of the row to the end of the row.'],
      ['Pizza', 'low', 'No title near: named after the words its events share; from the start of the row to the end of the row.'],
    ])
    expect(proposals.map((p) => [p.titleId, p.guessed])).toEqual([
      ['shop', false],
      [null, true],
    ])
  })

  test('without titles or lanes, the sections between boundaries get names guessed from the words their events share', () => {
    const proposals = suggest({
      boundaries: [boundary('b1', 400, 'Order Placed'), boundary('b2', 800)],
      elements: [...events(0, 'Basket Filled'), ...events(500, 'Card Charged'), ...events(900, 'Parcel Sent', 'Parcel Delivered', 'Invoice Sent')],
    })
    expect(named(proposals)).toEqual([
      ['Basket', ['basket-filled']],
      ['Card', ['card-charged']],
      ['Parcel', ['parcel-sent', 'parcel-delivered', 'invoice-sent']],
    ])
    expect(why(proposals)).toEqual([
      ['Basket', 'low', 'No title near: named after the words its events share; from the start of the row to the boundary “Order Placed”.'],
      ['Card', 'low', 'No title near: named after the words its events share; from the boundary “Order Placed” to the boundary after “Card Charged”.'],
      ['Parcel', 'low', 'No title near: named after the words its events share; from the boundary after “Card Charged” to the end of the row.'],
    ])
    expect(proposals.map((p) => p.boundaryIds)).toEqual([['b1'], ['b1', 'b2'], ['b2']])
  })

  test('a guessed name takes the two words named most often when they tie, and questions name nothing', () => {
    const proposals = suggest({
      boundaries: [boundary('b1', 400)],
      elements: [...events(0, 'Basket Filled'), ...events(500, 'Refund Issued', 'Voucher Sent', 'Why is the refund late?')],
    })
    expect(proposals.map((p) => p.name)).toEqual(['Basket', 'Refund & Voucher'])
  })

  test('a board with no titles, lanes or boundaries gets no proposal', () => {
    expect(suggest({ elements: events(0, 'Order Placed', 'Order Paid') })).toEqual([])
  })

  test('stickies already in a context stay out of the proposals', () => {
    const proposals = suggest({
      labels: [title('t1', 'Ordering', 0)],
      contexts: [{ id: 'billing', name: 'Billing', source: '', team: '', description: '', x: 180, y: 160, w: 400, h: 300 }],
      elements: events(0, 'Order Placed', 'Invoice Sent', 'Invoice Paid'),
    })
    expect(named(proposals)).toEqual([['Ordering', ['order-placed']]])
  })

  test('a proposal’s bounds surround its stickies with padding', () => {
    const [proposal] = suggest({ labels: [title('t1', 'Ordering', 0)], elements: events(0, 'Order Placed', 'Order Paid') })
    // A quarter of a sticky (160) all round.
    expect(proposal?.bounds).toEqual({ x: -40, y: 160, w: 440, h: 240 })
  })
})

describe('accepting a proposal', () => {
  const content: Partial<BoardContent> = {
    labels: [title('t1', 'Ordering', 0), title('t2', 'Shipping', 400)],
    elements: [...events(0, 'Order Placed'), ...events(400, 'Parcel Sent')],
  }

  test('adds valid context shapes, beneath every other shape, that hold exactly the proposed stickies', () => {
    const records = boardRecords(content)
    const proposals = suggestContexts(buildBoardModel(records))
    const shapes = contextShapesFor(proposals, records)
    const schema = createBoardSchema()
    for (const shape of shapes) expect(() => schema.types.shape.validate(shape)).not.toThrow()
    const lowest = records.flatMap((r) => (r.typeName === 'shape' ? [r.index] : [])).sort()[0]!
    for (const shape of shapes) expect(shape.index < lowest).toBe(true)

    const model = buildBoardModel([...records, ...shapes])
    expect(model.contexts.map((c) => [c.id, c.name, c.elementIds])).toEqual([
      ['context-ordering', 'Ordering', ['order-placed']],
      ['context-shipping', 'Shipping', ['parcel-sent']],
    ])
    expect(suggestContexts(model)).toEqual([])
  })

  test('new context ids never take one the board already uses', () => {
    const records = boardRecords({ ...content, lanes: [{ id: 'context-ordering', label: 'Taken', x: 0, y: 1000, w: 100, h: 100 }] })
    const [ordering] = contextShapesFor(suggestContexts(buildBoardModel(records)), records)
    expect(ordering).toMatchObject({ id: 'shape:context-ordering-2', type: contextShapeType })
  })

  test('a name with no letters still makes an id', () => {
    const records = boardRecords(content)
    const [shape] = contextShapesFor([{ name: '?!', bounds: { x: 0, y: 0, w: 10, h: 10 } }], records)
    expect(shape?.id).toBe('shape:context-suggested')
  })
})
