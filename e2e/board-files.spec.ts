import type { APIRequestContext } from '@playwright/test'
import { readFixture } from '../lib/boardFile/fixtures'
import type { AppServer } from './support/appServer'
import { expect, expectConnected, test, tokenOf } from './support/fixtures'

const importFile = (app: AppServer, request: APIRequestContext, body: string, query = '', contentType = 'application/json') =>
  request.post(`${app.origin}/api/boards/import${query}`, { data: Buffer.from(body), headers: app.creating(contentType) })

const exportBoard = (app: AppServer, request: APIRequestContext, id: string, token: string) =>
  request.get(`${app.origin}/api/boards/${id}/export`, { headers: { authorization: `Bearer ${token}` } })

/** Every board on the server, as its operator (the creation key) lists them. */
const boardCount = async (app: AppServer, request: APIRequestContext) =>
  ((await (await request.get(`${app.origin}/api/boards`, { headers: app.creating('application/json') })).json()).boards as unknown[]).length

test('each EventStormer sample board imports and opens with all its stickies', async ({ app, request, page }) => {
  const samples = [
    { file: 'process-modelling-grammar', name: 'Process Modelling Grammar Example', stickies: 15 },
    { file: 'eventstorming-facilitation-workshop', name: 'EventStorming Facilitation Workshop - Oct 8-10, 2024', stickies: 82 },
  ] as const
  for (const sample of samples) {
    const response = await importFile(app, request, JSON.stringify(readFixture(sample.file)))
    expect(response.status()).toBe(201)
    const board = await response.json()
    expect(board).toMatchObject({ id: expect.any(String), name: sample.name, url: `${app.origin}/b/${board.id}` })
    expect((await (await exportBoard(app, request, board.id, tokenOf(board.links.viewer))).json()).elements).toHaveLength(sample.stickies)

    await page.goto(board.links.participant)
    await expectConnected(page)
    await expect(page.locator('.tl-shape[data-shape-type="es-sticky"]')).toHaveCount(sample.stickies)
  }
})

test('a board exported and imported again is the same board', async ({ app, request }) => {
  const imported = await (await importFile(app, request, JSON.stringify(readFixture('process-modelling-grammar')), '?name=Order%20flow')).json()
  expect(imported.name).toBe('Order flow')

  const exported = await exportBoard(app, request, imported.id, tokenOf(imported.links.participant))
  expect(exported.status()).toBe(200)
  expect(exported.headers()['content-type']).toMatch(/^application\/json/)
  expect(exported.headers()['content-disposition']).toBe('attachment; filename="order-flow.eventstorm.json"')
  const file = await exported.json()
  expect(file).toMatchObject({ format: 'eventstorm-board', version: 1, name: 'Order flow', level: 'process' })

  const again = await importFile(app, request, JSON.stringify(file))
  expect(again.status()).toBe(201)
  const copy = await again.json()
  expect(copy.id).not.toBe(imported.id)
  expect(await (await exportBoard(app, request, copy.id, tokenOf(copy.links.participant))).json()).toEqual(file)
})

test('broken uploads are refused with a reason and create nothing', async ({ app, request }) => {
  const valid = { format: 'eventstorm-board', version: 1, name: 'Checkout' }
  const sticky = (id: string) => ({ id, kind: 'event', text: 'Order placed', x: 0, y: 0 })
  const before = await boardCount(app, request)

  const cases: [Promise<Awaited<ReturnType<typeof importFile>>>, number, RegExp][] = [
    [importFile(app, request, '{"format": '), 400, /not valid JSON/],
    [importFile(app, request, '[]'), 400, /a board file is a JSON object/],
    [importFile(app, request, '{"format": "miro-board"}'), 400, /unknown format "miro-board"/],
    [importFile(app, request, '{"name": "Checkout", "elements": []}'), 400, /not a board file/],
    [importFile(app, request, JSON.stringify({ ...valid, version: 2 })), 422, /version 2 is not supported: this app reads version 1/],
    [importFile(app, request, JSON.stringify({ ...valid, elements: [{ ...sticky('e1'), x: 'left' }] })), 422, /elements\[0\]\.x: Invalid input: expected number/],
    [
      importFile(app, request, JSON.stringify({ ...valid, elements: [sticky('e1')], flows: [{ id: 'f', from: 'e1', to: 'e9' }] })),
      422,
      /flows\[0\]\.to: no element has the id "e9"/,
    ],
    [importFile(app, request, '{"format": "eventstorm-board", "version": 1, "name": "x", "__proto__": {"polluted": true}}'), 422, /Unrecognized key: "__proto__"/],
    [importFile(app, request, JSON.stringify({ stickies: [{ id: 's', kind: 'event', text: 7, x: 0, y: 0 }] })), 422, /invalid EventStormer board: stickies\[0\]\.text/],
    [
      importFile(app, request, JSON.stringify({ ...valid, elements: Array.from({ length: 100_000 }, (_, i) => sticky(`e${i}`)) })),
      422,
      /elements: Too big: expected array to have <=10000 items/,
    ],
    [importFile(app, request, JSON.stringify({ ...valid, elements: [{ ...sticky('e1'), text: 'x'.repeat(11 * 1024 * 1024) }] })), 413, /at most 10485760 bytes/],
    [importFile(app, request, JSON.stringify(valid), '?name=%20%20'), 400, /name must not be empty/],
    [importFile(app, request, 'stickies', '', 'text/plain'), 415, /JSON/],
  ]
  for (const [pending, status, reason] of cases) {
    const response = await pending
    expect(response.status()).toBe(status)
    expect((await response.json()).error).toMatch(reason)
  }
  expect(await boardCount(app, request)).toBe(before)
})

test('exporting needs the board’s own link; a malformed id is a 400', async ({ app, request }) => {
  const board = await app.createBoard('Export')
  const other = await app.createBoard('Other')
  expect((await exportBoard(app, request, board.id, tokenOf(other.links.facilitator))).status()).toBe(403)
  expect((await exportBoard(app, request, board.id, 'forged')).status()).toBe(401)
  expect((await exportBoard(app, request, 'bad%20id!', tokenOf(board.links.viewer))).status()).toBe(400)
})
