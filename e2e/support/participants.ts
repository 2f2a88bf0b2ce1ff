import { type Browser, type Page, expect } from '@playwright/test'

/**
 * One person at their own browser: a separate browser context each, so no
 * two participants share storage or a BroadcastChannel. Every request the page
 * makes is recorded, to check that none leaves the app's origin, and so is
 * every Content-Security-Policy violation the browser reports.
 */
export interface Person {
  page: Page
  requests: string[]
  cspViolations: string[]
  close(): Promise<void>
}

/** A person whose browser has not opened anything yet. */
export async function arriveAs(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const requests: string[] = []
  const cspViolations: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('websocket', (socket) => requests.push(socket.url()))
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text())
  })
  await page.addInitScript((participantName) => {
    if (!localStorage.getItem('eventstorm.participant')) {
      localStorage.setItem('eventstorm.participant', JSON.stringify({ id: participantName, name: participantName, color: '#1971c2' }))
    }
  }, name)
  return { page, requests, cspViolations, close: () => context.close() }
}

export async function openBoardAs(browser: Browser, url: string, name: string): Promise<Person> {
  const person = await arriveAs(browser, name)
  await person.page.goto(url)
  await expectConnected(person.page)
  return person
}

/** Nothing the person's browser asked for left the app's origin, and the page broke none of its security policy. */
export function expectStayedHome(person: Person, origin: string): void {
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

export const shapes = (page: Page) => page.locator('.tl-shape[data-shape-type="geo"]')
