import { type Browser, type Page, test as base, expect } from '@playwright/test'
import { AppServer } from './appServer'

/**
 * One person at their own browser: a browser context each, so no two people
 * share storage or a BroadcastChannel. Every request their page makes, and
 * every Content-Security-Policy violation it reports, is recorded; when the
 * test ends, no request may have left the app's origin and no violation occurred.
 */
export interface Person {
  page: Page
  requests: string[]
  cspViolations: string[]
}

export interface People {
  /** Opens a link (with its token) as a new person; resolves once the board is connected. */
  join(link: string, name: string): Promise<Person>
  /** A new person whose page has not opened anything yet. */
  arrive(name: string): Promise<Person>
}

type TestFixtures = { people: People }
type WorkerFixtures = { app: AppServer }

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // One app for every spec of a worker: starting Next takes seconds. Tests make boards of their own.
  app: [
    async ({}, use) => {
      const app = await AppServer.start()
      await use(app)
      await app.dispose()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ app }, use) => use(app.origin),
  people: async ({ browser, app }, use) => {
    const everyone: Person[] = []
    const closers: (() => Promise<void>)[] = []
    const arrive = async (name: string) => {
      const person = await newPerson(browser, name)
      everyone.push(person.person)
      closers.push(person.close)
      return person.person
    }
    await use({
      arrive,
      join: async (link, name) => {
        const person = await arrive(name)
        await person.page.goto(link)
        await expectConnected(person.page)
        return person
      },
    })
    await Promise.all(closers.map((close) => close()))
    for (const person of everyone) expectStayedHome(person, app.origin)
  },
  page: async ({ page, app }, use) => {
    const watched = watch(page)
    await use(page)
    expectStayedHome({ page, ...watched }, app.origin)
  },
})

export { expect }

async function newPerson(browser: Browser, name: string): Promise<{ person: Person; close(): Promise<void> }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const watched = watch(page)
  await page.addInitScript((participantName) => {
    if (!localStorage.getItem('eventstorm.participant')) {
      localStorage.setItem('eventstorm.participant', JSON.stringify({ id: participantName, name: participantName, color: '#1971c2' }))
    }
  }, name)
  return { person: { page, ...watched }, close: () => context.close() }
}

function watch(page: Page): Omit<Person, 'page'> {
  const requests: string[] = []
  const cspViolations: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('websocket', (socket) => requests.push(socket.url()))
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text())
  })
  return { requests, cspViolations }
}

/** Nothing the person's browser asked for left the app's origin, and the page broke none of its security policy. */
function expectStayedHome(person: Person, origin: string): void {
  const foreign = person.requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).host !== new URL(origin).host)
  expect(foreign, 'requests that left the origin').toEqual([])
  expect(person.cspViolations, 'Content-Security-Policy violations').toEqual([])
}

export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveText('Connected')
}

/** Draws a rectangle with the geo tool, dragging between two points of the canvas. */
export async function drawRectangle(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('r')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 4 })
  await page.mouse.up()
}

/** Places a domain event with its key where the pointer is, writes its text, and leaves it unselected. */
export async function placeEvent({ page }: Person, text: string, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y)
  await page.keyboard.press('1')
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

export const shapes = (page: Page) => page.locator('.tl-shape[data-shape-type="geo"]')

/** The board id of a board's URL or link. */
export const boardIdOf = (link: string) => new URL(link).pathname.split('/').pop()!

/** The token a link carries. */
export const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token')!
