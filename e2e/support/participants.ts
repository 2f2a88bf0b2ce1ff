import { type Browser, type Page, expect } from '@playwright/test'

/**
 * One person at their own browser: a separate browser context each, so no
 * two participants share storage or a BroadcastChannel. Every request the page
 * makes is recorded, to check that none leaves the app's origin.
 */
export interface Person {
  page: Page
  requests: string[]
  close(): Promise<void>
}

export async function openBoardAs(browser: Browser, url: string, name: string): Promise<Person> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('websocket', (socket) => requests.push(socket.url()))
  await page.addInitScript((participantName) => {
    if (!localStorage.getItem('eventstorm.participant')) {
      localStorage.setItem('eventstorm.participant', JSON.stringify({ id: participantName, name: participantName, color: '#1971c2' }))
    }
  }, name)
  await page.goto(url)
  await expectConnected(page)
  return { page, requests, close: () => context.close() }
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
