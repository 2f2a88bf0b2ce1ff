import { expect, test } from '@playwright/test'
import { AppServer } from './support/appServer'
import { expectConnected } from './support/participants'

let app: AppServer

test.beforeAll(async () => {
  app = await AppServer.start()
})

test.afterAll(async () => {
  await app?.dispose()
})

test('the boards API creates, lists newest first, and finds boards', async ({ request }) => {
  const first = await request.post(`${app.origin}/api/boards`, { data: { name: 'Big Picture' } })
  expect(first.status()).toBe(201)
  const created = await first.json()
  expect(created).toEqual({ id: expect.any(String), name: 'Big Picture', url: `${app.origin}/b/${created.id}`, createdAt: expect.any(String), updatedAt: expect.any(String) })
  const second = await (await request.post(`${app.origin}/api/boards`, { data: { name: '  Process level  ' } })).json()
  expect(second.name).toBe('Process level')

  const { boards } = await (await request.get(`${app.origin}/api/boards`)).json()
  expect(boards.slice(0, 2).map((b: { id: string }) => b.id)).toEqual([second.id, created.id])

  const found = await request.get(`${app.origin}/api/boards/${created.id}`)
  expect(found.status()).toBe(200)
  expect((await found.json()).name).toBe('Big Picture')
})

test('the boards API answers bad requests with a reason', async ({ request }) => {
  const post = (body: string, contentType = 'application/json') =>
    request.post(`${app.origin}/api/boards`, { data: Buffer.from(body), headers: { 'content-type': contentType } })

  const cases: [Awaited<ReturnType<typeof post>>, number, RegExp][] = [
    [await post('{"name": '), 400, /not valid JSON/],
    [await post('{"name": 42}'), 400, /name must be a string/],
    [await post('{"name": "   "}'), 400, /must not be empty/],
    [await post(JSON.stringify({ name: 'x'.repeat(121) })), 400, /at most 120/],
    [await post('{"name": "ok", "admin": true}'), 400, /admin/],
    [await post('[]'), 400, /.+/],
    [await post('name=x', 'application/x-www-form-urlencoded'), 415, /JSON/],
    [await post(JSON.stringify({ name: 'x'.repeat(20_000) })), 413, /at most/],
    [await request.get(`${app.origin}/api/boards/NoSuchBoard1`), 404, /not found/],
    [await request.get(`${app.origin}/api/boards/bad%20id!`), 400, /malformed/],
  ]
  for (const [response, status, message] of cases) {
    expect(response.status()).toBe(status)
    expect((await response.json()).error).toMatch(message)
  }
})

test('a facilitator names a new board on the home page, lands on it, and finds it listed', async ({ page }) => {
  await page.goto(app.origin)
  await page.getByLabel('Board name').fill('Checkout workshop')
  await page.getByRole('button', { name: 'New board' }).click()
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9]+$/)
  await expectConnected(page)
  await expect(page.locator('.board-name')).toHaveText('Checkout workshop')

  await page.goto(app.origin)
  await expect(page.getByRole('list', { name: 'Recent boards' }).getByRole('link').first()).toContainText('Checkout workshop')
})

test('an unknown board shows a not-found page', async ({ page }) => {
  const response = await page.goto(`${app.origin}/b/NoSuchBoard1`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Board not found' })).toBeVisible()
})
