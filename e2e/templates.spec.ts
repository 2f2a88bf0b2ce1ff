import { readFileSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import type { AppServer } from './support/appServer'
import { createKey } from './support/appServer'
import { boardIdOf, expect, expectConnected, test, tokenOf } from './support/fixtures'

const stickies = (page: Page) => page.locator('.tl-shape[data-shape-type="es-sticky"]')

const exportBoard = async (app: AppServer, request: APIRequestContext, id: string, token: string) =>
  (await request.get(`${app.origin}/api/boards/${id}/export`, { headers: { authorization: `Bearer ${token}` } })).json()

/** The facilitator token this browser keeps for the board it is on. */
const keptToken = (page: Page, boardId: string) =>
  page.evaluate((id) => (JSON.parse(localStorage.getItem('eventstorm.boards') ?? '{}') as Record<string, { token: string }>)[id]!.token, boardId)

const event = (id: string, text: string, x: number) => ({ id, kind: 'event', text, x, y: 0 })

test('a workshop starts from the online shop template in the home page gallery', async ({ app, request, people }) => {
  const facilitator = await people.arrive('Fran')
  const { page } = facilitator
  await page.goto(`${app.origin}/`)
  const shop = page.getByRole('listitem', { name: 'Online shop: order to returns' })
  await expect(shop.getByRole('img', { name: 'Picture of Online shop: order to returns' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: 'Big Picture EventStorming' })).toBeVisible()

  await page.getByLabel('Creation key').fill(createKey)
  await page.getByLabel('Board name').fill('Shop kick-off')
  await shop.getByRole('button', { name: 'Start workshop' }).click()
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9]+$/)
  await expectConnected(page)
  await expect(page.getByTestId('your-role')).toHaveText('Facilitator')
  await expect(stickies(page)).toHaveCount(47)

  const boardId = boardIdOf(page.url())
  const file = await exportBoard(app, request, boardId, await keptToken(page, boardId))
  expect(file).toMatchObject({ name: 'Shop kick-off', level: 'design' })
  expect(file.contexts.map((c: { name: string }) => c.name)).toEqual(['Ordering', 'Payments', 'Fulfilment'])
})

test('a facilitator saves the board as a template, and a new workshop started from it has the same content', async ({ app, request, people }) => {
  const hostile = '</text><script>alert(1)</script>'
  const board = await app.importBoard({
    format: 'eventstorm-board',
    version: 1,
    name: 'Checkout',
    elements: [event('placed', 'Order Placed', 0), event('paid', hostile, 200)],
    flows: [],
  })
  const { page } = await people.join(board.links.facilitator, 'Fran')
  await page.getByRole('button', { name: 'Save as template' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save as template' })
  await expect(dialog).toContainText('Everyone who may create boards on this server will see this template')
  await dialog.getByLabel('Name').fill('<img src=x onerror=alert(1)> Checkout')
  await dialog.getByLabel('Description').fill('Our checkout, as far as we got')
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(dialog.getByRole('status')).toContainText('Saved as “<img src=x onerror=alert(1)> Checkout”')

  // A participant cannot: the button is not there, and the API refuses their token.
  const participant = await people.join(board.links.participant, 'Pat')
  await expect(participant.page.getByRole('button', { name: 'Save as template' })).toHaveCount(0)
  const refused = await request.post(`${app.origin}/api/templates`, {
    data: { boardId: board.id, name: 'Stolen' },
    headers: { authorization: `Bearer ${tokenOf(board.links.participant)}` },
  })
  expect(refused.status()).toBe(403)

  await page.goto(`${app.origin}/`)
  await page.getByLabel('Creation key').fill(createKey)
  const saved = page.getByRole('listitem', { name: '<img src=x onerror=alert(1)> Checkout' })
  await expect(saved).toContainText('Our checkout, as far as we got')
  await expect(saved.getByRole('img')).toHaveJSProperty('complete', true)
  expect(await saved.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  // The picture is the server's own SVG: well-formed, with the hostile text as text and no script in it.
  const picture = await page.evaluate(async (key) => {
    const { templates } = (await (await fetch('/api/templates', { headers: { authorization: `Bearer ${key}` } })).json()) as { templates: { builtIn: boolean; preview: string }[] }
    const svg = await (await fetch(templates.find((t) => !t.builtIn)!.preview, { headers: { authorization: `Bearer ${key}` } })).text()
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml')
    return {
      errors: parsed.getElementsByTagName('parsererror').length,
      active: parsed.querySelectorAll('script, foreignObject, image, a, [onload], [onerror]').length,
      text: parsed.documentElement.textContent,
    }
  }, createKey)
  expect(picture).toMatchObject({ errors: 0, active: 0 })
  expect(picture.text).toContain('</text><script>')

  await page.getByLabel('Board name').fill('Checkout, day two')
  await saved.getByRole('button', { name: 'Start workshop' }).click()
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9]+$/)
  await expectConnected(page)
  await expect(stickies(page)).toHaveCount(2)
  const copyId = boardIdOf(page.url())
  const [original, copy] = await Promise.all([
    exportBoard(app, request, board.id, tokenOf(board.links.viewer)),
    exportBoard(app, request, copyId, await keptToken(page, copyId)),
  ])
  expect(copy).toEqual({ ...original, name: 'Checkout, day two' })

  // Only this browser, which saved it, is offered to delete it.
  await page.goto(`${app.origin}/`)
  page.once('dialog', (confirm) => void confirm.accept())
  await page.getByRole('listitem', { name: '<img src=x onerror=alert(1)> Checkout' }).getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('listitem', { name: '<img src=x onerror=alert(1)> Checkout' })).toHaveCount(0)
  await expect(page.getByRole('listitem', { name: 'Online shop: order to returns' }).getByRole('button', { name: 'Delete' })).toHaveCount(0)
})

test('POST /api/boards starts from a template by id, and refuses an unknown or malformed one', async ({ app, request }) => {
  const create = (body: unknown) => request.post(`${app.origin}/api/boards`, { data: body, headers: app.creating('application/json') })
  const started = await create({ name: 'Design session', templateId: 'software-design' })
  expect(started.status()).toBe(201)
  const board = await started.json()
  expect(Object.keys(board.links)).toEqual(['facilitator', 'participant', 'viewer'])
  expect(await exportBoard(app, request, board.id, tokenOf(board.links.viewer))).toMatchObject({ name: 'Design session', level: 'design' })

  expect((await create({ name: 'x', templateId: 'NoSuchTemplate' })).status()).toBe(404)
  expect((await create({ name: 'x', templateId: '../../etc/passwd' })).status()).toBe(400)
  expect((await create({ name: 'x', templateId: 42 })).status()).toBe(400)
  expect((await request.post(`${app.origin}/api/boards`, { data: { name: 'x', templateId: 'online-shop' } })).status()).toBe(401)
})

test('the board and the selection download as PNG and SVG, with the stickies’ text and nothing from elsewhere', async ({ app, people }) => {
  const board = await app.importBoard({
    format: 'eventstorm-board',
    version: 1,
    name: 'Pictures',
    elements: [event('placed', 'Order Placed', 0), event('shipped', 'Parcel Shipped', 200)],
  })
  const { page } = await people.join(board.links.viewer, 'Vic')
  await expect(stickies(page)).toHaveCount(2)

  const save = async (button: 'Download PNG' | 'Download SVG') => {
    const downloaded = page.waitForEvent('download')
    await page.getByRole('dialog', { name: 'Picture of the board' }).getByRole('button', { name: button }).click()
    const file = await downloaded
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
  }

  await page.getByRole('button', { name: 'Picture' }).click()
  const svg = await save('Download SVG')
  expect(svg.name).toBe('pictures.svg')
  const text = svg.bytes.toString('utf8')
  expect(text).toMatch(/^<svg/)
  expect(text).toContain('Order Placed')
  expect(text).toContain('Parcel Shipped')
  // Both faces the stickies write in travel inside the file.
  expect(text.match(/@font-face \{\s*font-family: "tldraw_sans";[^}]*src: url\("data:font\/woff2;base64,/g)).toHaveLength(2)
  expect(text.replace(/http:\/\/www\.w3\.org\/[0-9]{4}\/(?:svg|xhtml|xlink)/g, '')).not.toMatch(/https?:\/\/|url\(["']?\/\//)

  const png = await save('Download PNG')
  expect(png.name).toBe('pictures.png')
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  await page.getByRole('dialog', { name: 'Picture of the board' }).getByRole('button', { name: 'Close' }).click()

  await stickies(page).filter({ hasText: 'Parcel Shipped' }).click()
  await page.getByRole('button', { name: 'Picture' }).click()
  await expect(page.getByLabel('The selection (1)')).toBeChecked()
  const selection = await save('Download SVG')
  expect(selection.name).toBe('pictures-selection.svg')
  expect(selection.bytes.toString('utf8')).toContain('Parcel Shipped')
  expect(selection.bytes.toString('utf8')).not.toContain('Order Placed')
})

test('the printable overview lists each context with its timeline and contracts, without its buttons on paper', async ({ app, people }) => {
  const created = await (await fetch(`${app.origin}/api/boards`, { method: 'POST', headers: app.creating('application/json'), body: JSON.stringify({ name: 'Shop', templateId: 'online-shop' }) })).json()
  const { page } = await people.join(created.links.viewer, 'Vic')
  await page.goto(`${app.origin}/b/${created.id}/overview`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shop')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Ordering', 'Payments', 'Fulfilment', 'Notes of the workshop', 'Problems the checks found'])
  await expect(page.getByRole('row', { name: /customer\.email/ })).toContainText('pii')
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
})

test('dark mode follows the system setting, and the text on stickies, panels and the legend stays readable', async ({ app, people }) => {
  const board = await app.importBoard({ format: 'eventstorm-board', version: 1, name: 'Night shift', elements: [event('placed', 'Order Placed', 0), { id: 'why', kind: 'hotspot', text: 'Why?', x: 200, y: 0 }] })
  const person = await people.arrive('Nora')
  const { page } = person
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(`${app.origin}/`)
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 19, 24)')

  await page.goto(board.links.facilitator)
  await expectConnected(page)
  await expect(page.locator('.tl-container')).toHaveClass(/tl-theme__dark/)
  await page.getByRole('button', { name: 'Legend' }).click()

  const contrasts = await page.evaluate(() => {
    const rgb = (colour: string) => colour.match(/[\d.]+/g)!.slice(0, 3).map(Number)
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const ratio = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return (light! + 0.05) / (dark! + 0.05)
    }
    /** The text colour of an element against the first opaque background behind it. */
    const contrastOf = (selector: string) => {
      const element = document.querySelector(selector)!
      let behind: Element | null = element
      while (behind && /rgba\(.*, 0\)|transparent/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement
      return ratio(getComputedStyle(element).color, getComputedStyle(behind!).backgroundColor)
    }
    return {
      event: contrastOf('.es-sticky[data-kind="event"] .tl-text-label__inner, .es-sticky[data-kind="event"]'),
      hotspot: contrastOf('.es-sticky[data-kind="hotspot"]'),
      legend: contrastOf('.es-legend__item dd'),
      legendSwatch: contrastOf('.es-legend__swatch'),
      boardBar: contrastOf('.board-bar .board-name'),
    }
  })
  for (const [what, value] of Object.entries(contrasts)) expect(value, what).toBeGreaterThanOrEqual(4.5)
})
