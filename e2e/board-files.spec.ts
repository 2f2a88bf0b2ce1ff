import { type APIRequestContext, expect, test } from '@playwright/test'
import { readFixture } from '../lib/boardFile/fixtures'
import { AppServer } from './support/appServer'
import { expectConnected } from './support/participants'

let app: AppServer

test.beforeAll(async () => {
  app = await AppServer.start()
})

test.afterAll(async () => {
  await app?.dispose()
})

const importFile = (request: APIRequestContext, body: string, query = '') =>
  request.post(`${app.origin}/api/boards/import${query}`, { data: Buffer.from(body), headers: { 'content-type': 'application/json' } })

const exportBoard = (request: APIRequestContext, id: string) => request.get(`${app.origin}/api/boards/${id}/export`)

const boardCount = async (request: APIRequestContext) => ((await (await request.get(`${app.origin}/api/boards`)).json()).boards as unknown[]).length

test('each EventStormer sample board imports and opens with all its stickies', async ({ request, page }) => {
  const samples = [
    { file: 'process-modelling-grammar', name: 'Process Modelling Grammar Example', stickies: 15 },
    { file: 'eventstorming-facilitation-workshop', name: 'EventStorming Facilitation Workshop - Oct 8-10, 2024', stickies: 82 },
  ] as const
  for (const sample of samples) {
    const response = await importFile(request, JSON.stringify(readFixture(sample.file)))
    expect(response.status()).toBe(201)
    const board = await response.json()
    expect(board).toMatchObject({ id: expect.any(String), name: sample.name, url: `${app.origin}/b/${board.id}` })
    expect((await (await exportBoard(request, board.id)).json()).elements).toHaveLength(sample.stickies)

    await page.goto(board.url)
    await expectConnected(page)
    await expect(page.locator('.tl-shape[data-shape-type="es-sticky"]')).toHaveCount(sample.stickies)
  }
})

test('a board exported and imported again is the same board', async ({ request }) => {
  const imported = await (await importFile(request, JSON.stringify(readFixture('process-modelling-grammar')), '?name=Order%20flow')).json()
  expect(imported.name).toBe('Order flow')

  const exported = await exportBoard(request, imported.id)
  expect(exported.status()).toBe(200)
  expect(exported.headers()['content-type']).toMatch(/^application\/json/)
  expect(exported.headers()['content-disposition']).toBe('attachment; filename="order-flow.eventstorm.json"')
  const file = await exported.json()
  expect(file).toMatchObject({ format: 'eventstorm-board', version: 1, name: 'Order flow', level: 'process' })

  const again = await importFile(request, JSON.stringify(file))
  expect(again.status()).toBe(201)
  const copy = await again.json()
  expect(copy.id).not.toBe(imported.id)
  expect(await (await exportBoard(request, copy.id)).json()).toEqual(file)
})

test('broken uploads are refused with a reason and create nothing', async ({ request }) => {
  const valid = { format: 'eventstorm-board', version: 1, name: 'Checkout' }
  const sticky = (id: string) => ({ id, kind: 'event', text: 'Order placed', x: 0, y: 0 })
  const before = await boardCount(request)

  const cases: [Promise<Awaited<ReturnType<typeof importFile>>>, number, RegExp][] = [
    [importFile(request, '{"format": '), 400, /not valid JSON/],
    [importFile(request, '[]'), 400, /a board file is a JSON object/],
    [importFile(request, '{"format": "miro-board"}'), 400, /unknown format "miro-board"/],
    [importFile(request, '{"name": "Checkout", "elements": []}'), 400, /not a board file/],
    [importFile(request, JSON.stringify({ ...valid, version: 2 })), 422, /version 2 is not supported: this app reads version 1/],
    [importFile(request, JSON.stringify({ ...valid, elements: [{ ...sticky('e1'), x: 'left' }] })), 422, /elements\[0\]\.x: Invalid input: expected number/],
    [
      importFile(request, JSON.stringify({ ...valid, elements: [sticky('e1')], flows: [{ id: 'f', from: 'e1', to: 'e9' }] })),
      422,
      /flows\[0\]\.to: no element has the id "e9"/,
    ],
    [importFile(request, '{"format": "eventstorm-board", "version": 1, "name": "x", "__proto__": {"polluted": true}}'), 422, /Unrecognized key: "__proto__"/],
    [importFile(request, JSON.stringify({ stickies: [{ id: 's', kind: 'event', text: 7, x: 0, y: 0 }] })), 422, /invalid EventStormer board: stickies\[0\]\.text/],
    [
      importFile(request, JSON.stringify({ ...valid, elements: Array.from({ length: 100_000 }, (_, i) => sticky(`e${i}`)) })),
      422,
      /elements: Too big: expected array to have <=10000 items/,
    ],
    [importFile(request, JSON.stringify({ ...valid, elements: [{ ...sticky('e1'), text: 'x'.repeat(11 * 1024 * 1024) }] })), 413, /at most 10485760 bytes/],
    [importFile(request, JSON.stringify(valid), '?name=%20%20'), 400, /name must not be empty/],
    [request.post(`${app.origin}/api/boards/import`, { data: 'stickies', headers: { 'content-type': 'text/plain' } }), 415, /JSON/],
  ]
  for (const [pending, status, reason] of cases) {
    const response = await pending
    expect(response.status()).toBe(status)
    expect((await response.json()).error).toMatch(reason)
  }
  expect(await boardCount(request)).toBe(before)
})

test('exporting a board that does not exist is a 404, a malformed id a 400', async ({ request }) => {
  expect((await exportBoard(request, 'NoSuchBoard1')).status()).toBe(404)
  expect((await exportBoard(request, 'bad%20id!')).status()).toBe(400)
})
