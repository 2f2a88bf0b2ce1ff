import type { APIRequestContext } from '@playwright/test'
import { AppServer, createKey } from './support/appServer'
import { boardIdOf, expect, expectConnected, test, tokenOf } from './support/fixtures'

const post = (app: AppServer, request: APIRequestContext, body: string, headers: Record<string, string> = app.creating('application/json')) =>
  request.post(`${app.origin}/api/boards`, { data: Buffer.from(body), headers })

test('creating a board answers its three links, and the board opens with each', async ({ app, request }) => {
  const response = await post(app, request, JSON.stringify({ name: 'Big Picture' }))
  expect(response.status()).toBe(201)
  const created = await response.json()
  const link = (role: string) => new RegExp(`^${app.origin}/b/${created.id}#token=v1\\.${created.id}\\.${role}\\.0\\.[A-Za-z0-9_-]{43}$`)
  expect(created).toEqual({
    id: expect.any(String),
    name: 'Big Picture',
    url: `${app.origin}/b/${created.id}`,
    links: { facilitator: expect.stringMatching(link('facilitator')), participant: expect.stringMatching(link('participant')), viewer: expect.stringMatching(link('viewer')) },
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  })
  for (const role of ['facilitator', 'participant', 'viewer'] as const) {
    const found = await request.get(`${app.origin}/api/boards/${created.id}`, { headers: { authorization: `Bearer ${tokenOf(created.links[role])}` } })
    expect(found.status()).toBe(200)
    expect(await found.json()).toMatchObject({ name: 'Big Picture', role })
  }
  expect(JSON.stringify(await (await request.get(`${app.origin}/api/boards/${created.id}`, { headers: { authorization: `Bearer ${tokenOf(created.links.facilitator)}` } })).json())).not.toContain(
    tokenOf(created.links.facilitator),
  )
})

test('boards are listed to nobody but the operator, and created only with the creation key when one is set', async ({ app, request }) => {
  const created = await app.createBoard('Secret workshop')
  expect(await (await request.get(`${app.origin}/api/boards`)).json()).toEqual({ boards: [] })
  expect(await (await request.get(`${app.origin}/api/boards`, { headers: { authorization: `Bearer ${tokenOf(created.links.facilitator)}` } })).json()).toEqual({
    boards: [],
  })
  const listed = await (await request.get(`${app.origin}/api/boards`, { headers: { authorization: `Bearer ${createKey}` } })).json()
  expect(listed.boards.map((b: { id: string }) => b.id)).toContain(created.id)
  expect(JSON.stringify(listed)).not.toContain('token')

  const attempts: Record<string, string>[] = [{ 'content-type': 'application/json' }, { 'content-type': 'application/json', authorization: 'Bearer wrong-key-0123456789' }]
  for (const headers of attempts) {
    const refused = await post(app, request, JSON.stringify({ name: 'Spam' }), headers)
    expect(refused.status()).toBe(401)
    expect((await refused.json()).error).toMatch(/creation key/)
  }
})

test('the boards API answers bad requests with a reason', async ({ app, request }) => {
  const { links } = await app.createBoard('Reasons')
  const cases: [Awaited<ReturnType<typeof post>>, number, RegExp][] = [
    [await post(app, request, '{"name": '), 400, /not valid JSON/],
    [await post(app, request, '{"name": 42}'), 400, /name must be a string/],
    [await post(app, request, '{"name": "   "}'), 400, /must not be empty/],
    [await post(app, request, JSON.stringify({ name: 'x'.repeat(121) })), 400, /at most 120/],
    [await post(app, request, '{"name": "ok", "admin": true}'), 400, /admin/],
    [await post(app, request, '[]'), 400, /.+/],
    [await post(app, request, 'name=x', app.creating('application/x-www-form-urlencoded')), 415, /JSON/],
    [await post(app, request, JSON.stringify({ name: 'x'.repeat(20_000) })), 413, /at most/],
    [await request.get(`${app.origin}/api/boards/bad%20id!?token=${tokenOf(links.viewer)}`), 400, /malformed/],
  ]
  for (const [response, status, message] of cases) {
    expect(response.status()).toBe(status)
    expect((await response.json()).error).toMatch(message)
  }
})

test('a facilitator creates a board on the home page, lands on it as facilitator, and finds it listed with that role', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Board name').fill('Checkout workshop')
  await page.getByLabel('Creation key').fill(createKey)
  await page.getByRole('button', { name: 'New board' }).click()
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9]+$/)
  await expectConnected(page)
  await expect(page.locator('.board-name')).toHaveText('Checkout workshop')
  await expect(page.getByTestId('your-role')).toHaveText('Facilitator')

  await page.goto('/')
  const listed = page.getByRole('list', { name: 'Your boards' }).getByRole('link').first()
  await expect(listed).toContainText('Checkout workshop')
  await expect(listed).toContainText('Facilitator')
})

test('a board page opened without its link, or with another board’s, shows nothing of the board', async ({ app, page }) => {
  const board = await app.createBoard('Hidden name')
  const other = await app.createBoard('Other')
  await page.goto(`${board.url}#token=${tokenOf(other.links.participant)}`)
  await expect(page.getByRole('heading', { name: 'This link is for another board' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Hidden name')
  await page.goto(board.url)
  await expect(page.getByRole('heading', { name: 'This board needs its link' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Hidden name')
  expect(boardIdOf(board.url)).toBe(board.id)
})
