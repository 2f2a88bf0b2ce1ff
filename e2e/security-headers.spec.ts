import type { APIRequestContext, Page, Response } from '@playwright/test'
import { upgradeAnswer } from '../server/testing/clients'
import type { AppServer } from './support/appServer'
import { drawRectangle, expect, shapes, test, tokenOf } from './support/fixtures'

/** The page came with every security header, and the nonce of its policy is the one on its inline scripts. */
async function expectSecured(page: Page, response: Response | null): Promise<void> {
  const headers = response!.headers()
  const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1]
  expect(nonce, 'the nonce of the Content-Security-Policy').toBeTruthy()
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': expect.stringContaining('camera=()'),
  })
  // Scripts loaded from a URL need no nonce ('self'); Next.js writes its inline ones with it.
  const inlineNonces = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce))
  expect(inlineNonces.length).toBeGreaterThan(0)
  expect(new Set(inlineNonces)).toEqual(new Set([nonce]))
}

const boardCount = async (app: AppServer, request: APIRequestContext) =>
  ((await (await request.get(`${app.origin}/api/boards`, { headers: app.creating('application/json') })).json()).boards as unknown[]).length

/** What the browser would hand tldraw for a paste of `text` (Ctrl+V with a link copied). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const clipboardData = new DataTransfer()
    clipboardData.setData('text/plain', pasted)
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true }))
  }, text)
}

/** A drag-and-drop onto the canvas of one small PNG file, or of a link. */
async function drop(page: Page, what: { file: true } | { link: string }): Promise<void> {
  await page.locator('.tl-canvas').evaluate((canvas, dropped) => {
    const dataTransfer = new DataTransfer()
    if ('link' in dropped) dataTransfer.setData('text/uri-list', dropped.link)
    else dataTransfer.items.add(new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'photo.png', { type: 'image/png' }))
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true, clientX: 600, clientY: 400 }))
  }, what)
}

const shapesOfType = (page: Page, type: string) => page.locator(`.tl-shape[data-shape-type="${type}"]`)

test('the home page and a board carry the security headers, and working on the board breaks none of the policy', async ({ app, people }) => {
  const alice = await people.arrive('Alice')
  await expectSecured(alice.page, await alice.page.goto(app.origin))
  await expect(alice.page.getByRole('heading', { name: 'EventStorming board' })).toBeVisible()

  const { links } = await app.createBoard('Secured')
  await expectSecured(alice.page, await alice.page.goto(links.participant))
  await expect(alice.page.getByTestId('connection-status')).toHaveText('Connected')

  await alice.page.locator('.tl-canvas').click({ position: { x: 500, y: 300 } })
  await alice.page.keyboard.press('1')
  await alice.page.keyboard.type('Order Placed')
  await alice.page.keyboard.press('Escape')
  await expect(alice.page.locator('.es-sticky')).toContainText('Order Placed')
  await drawRectangle(alice.page, { x: 300, y: 450 }, { x: 460, y: 550 })
  await expect(shapes(alice.page)).toHaveCount(1)
})

test('a page that does not exist runs its scripts under the policy too', async ({ app, people }) => {
  const alice = await people.arrive('Alice')
  for (const path of ['/no/such/page', '/b/not%20a%20board!']) {
    const response = await alice.page.goto(`${app.origin}${path}`)
    expect(response!.status()).toBe(404)
    await expectSecured(alice.page, response)
    await expect(alice.page.getByRole('link', { name: 'All boards' })).toBeVisible()
  }
})

test('a page of another origin cannot create a board or rotate a link; our own page or a tool without an origin can', async ({ app, request }) => {
  const before = await boardCount(app, request)
  const post = (origin?: string) =>
    request.post(`${app.origin}/api/boards`, { data: { name: 'Board' }, headers: { ...app.creating('application/json'), ...(origin && { origin }) } })
  const foreign = await post('http://evil.example')
  expect(foreign.status()).toBe(403)
  expect(await foreign.json()).toEqual({ error: 'forbidden origin' })
  expect((await post('null')).status()).toBe(403)
  expect(await boardCount(app, request)).toBe(before)

  expect((await post(app.origin)).status()).toBe(201)
  expect((await post()).status()).toBe(201)
  expect(await boardCount(app, request)).toBe(before + 2)

  const { id, links } = await app.createBoard('Rotation from afar')
  const rotate = await request.post(`${app.origin}/api/boards/${id}/links/viewer/rotate`, {
    headers: { authorization: `Bearer ${tokenOf(links.facilitator)}`, origin: 'http://evil.example' },
  })
  expect(rotate.status()).toBe(403)
})

test('a websocket opened by a page of another origin is refused, even with a valid link', async ({ app }) => {
  const { id, links } = await app.createBoard('Hijack')
  const path = `/yjs/${id}?token=${tokenOf(links.participant)}`
  expect(await upgradeAnswer(app.port, path, 'http://evil.example')).toEqual({ status: 403, body: 'forbidden origin\n' })
  // upgradeAnswer reaches the app at 127.0.0.1, so that is our own origin here.
  expect((await upgradeAnswer(app.port, path, `http://127.0.0.1:${app.port}`)).status).toBe(101)
})

test('a pasted or dropped link becomes text, never a bookmark or an embed, and nothing is fetched from it', async ({ app, people }) => {
  const alice = await people.join((await app.createBoard('Links')).links.participant, 'Alice')
  await alice.page.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })

  await paste(alice.page, 'https://example.com/pricing')
  await expect(shapesOfType(alice.page, 'text')).toContainText('https://example.com/pricing')
  await paste(alice.page, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')
  await drop(alice.page, { link: 'https://example.org/dropped' })
  await expect(shapesOfType(alice.page, 'text')).toHaveCount(3)
  await expect(alice.page.locator('.tl-shape[data-shape-type="bookmark"], .tl-shape[data-shape-type="embed"]')).toHaveCount(0)
})

test('a dropped image file is refused, not put on the board', async ({ app, people }) => {
  const alice = await people.join((await app.createBoard('Files')).links.participant, 'Alice')
  await drop(alice.page, { file: true })
  await expect(alice.page.locator('.tlui-toast__title')).toHaveText('File type is not allowed')
  await expect(shapesOfType(alice.page, 'image')).toHaveCount(0)
})

test('no tool or menu offers to insert media, an embed or a bookmark', async ({ app, people }) => {
  const alice = await people.join((await app.createBoard('Tools')).links.participant, 'Alice')
  await expect(alice.page.getByTestId('tools.rectangle')).toBeVisible()
  await expect(alice.page.getByTestId('tools.asset')).toHaveCount(0)
  await expect(alice.page.getByTestId('tools.embed')).toHaveCount(0)

  await alice.page.getByTestId('main-menu.button').click()
  await expect(alice.page.getByRole('menuitem', { name: 'Edit' })).toBeVisible()
  await expect(alice.page.getByRole('menuitem', { name: /Upload media|Insert embed/ })).toHaveCount(0)
})
