import type { Page } from '@playwright/test'
import { elementKindDefinitions, elementKinds } from '../lib/board/elementKinds'
import { facilitatorShortcuts } from '../lib/facilitation/shortcuts'
import { drawRectangle, expect, expectConnected, placeEvent, test } from './support/fixtures'
import { generatedBoard } from './support/generatedBoard'

/** What a new user met in their first workshop, and the keyboard help they looked for. */

test('? opens the keyboard help with the palette keys, the facilitator’s and tldraw’s main ones; Escape closes it; typed in a sticky it is just text', async ({ app, people }) => {
  const { page } = await people.join((await app.createBoard('Help')).links.participant, 'Hana')
  await page.mouse.move(500, 400)
  await page.keyboard.press('Shift+?')
  const help = page.getByRole('dialog').filter({ hasText: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  const palette = help.getByRole('region', { name: /Place a sticky/ })
  for (const kind of elementKinds) {
    const { label, shortcut } = elementKindDefinitions[kind]
    await expect(palette.locator('div').filter({ has: page.locator('kbd', { hasText: new RegExp(`^${shortcut}$`) }) })).toContainText(label)
  }
  const canvas = help.getByRole('region', { name: 'Moving around and editing' })
  for (const does of ['Pan', 'Zoom in', 'Zoom out', 'Undo', 'Redo']) await expect(canvas.getByText(does, { exact: true })).toBeVisible()
  const facilitating = help.getByRole('region', { name: /Facilitating/ })
  for (const { label } of facilitatorShortcuts) await expect(facilitating.getByText(label, { exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)

  await page.keyboard.press('1')
  await page.keyboard.type('Why')
  await page.keyboard.press('Shift+?')
  await page.keyboard.press('Escape')
  await expect(page.locator('.es-sticky')).toContainText('Why?')
  await expect(help).toHaveCount(0)
})

test('a sticky left empty when its editing ends goes away, for everyone; one with text stays', async ({ app, people }) => {
  const { links } = await app.createBoard('Empty stickies')
  const ana = await people.join(links.participant, 'Ana')
  const ben = await people.join(links.participant, 'Ben')
  await placeEvent(ana, 'Order Placed', { x: 400, y: 300 })
  await ana.page.mouse.move(700, 300)
  await ana.page.keyboard.press('2')
  await expect(ana.page.locator('.es-sticky')).toHaveCount(2)
  await expect(ben.page.locator('.es-sticky')).toHaveCount(2)
  await ana.page.keyboard.press('Escape')

  for (const { page } of [ana, ben]) {
    await expect(page.locator('.es-sticky')).toHaveCount(1)
    await expect(page.locator('.es-sticky')).toContainText('Order Placed')
  }
  // A click elsewhere ends editing too.
  await ana.page.getByRole('navigation', { name: 'EventStorming palette' }).getByRole('button', { name: 'Hotspot', exact: true }).click()
  await expect(ana.page.locator('.es-sticky')).toHaveCount(2)
  await ana.page.mouse.click(600, 650)
  await expect(ben.page.locator('.es-sticky')).toHaveCount(1)
})

/** Where an element is on the page; null when it is not shown. */
const box = async (page: Page, selector: string) => ((await page.locator(selector).count()) > 0 ? page.locator(selector).first().boundingBox() : null)

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
  { width: 800, height: 600 },
]) {
  test(`at ${viewport.width}×${viewport.height} no panel of ours covers another or tldraw’s style panel or menus, whatever is selected`, async ({ app, people }) => {
    const { links } = await app.createBoard('A board with a long enough name to fill its bar')
    const { page } = await people.arrive('Fay')
    await page.setViewportSize(viewport)
    await page.goto(links.facilitator)
    await expectConnected(page)
    // A second person in the people list wraps the bar onto more rows.
    await people.join(links.participant, 'Pat')
    await expect(page.locator('.board-bar')).toContainText('Pat')

    const ours = ['.board-bar', '.es-facilitation', '.es-palette', '.es-dock', '.es-inspector']
    const theirs = ['.tlui-style-panel__wrapper', '.tlui-menu-zone', '.tlui-main-toolbar__tools', '.tlui-navigation-panel']
    const expectApart = async (when: string) => {
      for (const [i, mine] of ours.entries()) {
        const a = await box(page, mine)
        if (!a) continue
        for (const tldraws of [...ours.slice(i + 1), ...theirs]) {
          const b = await box(page, tldraws)
          if (b) expect(overlaps(a, b), `${when}: ${mine} ${JSON.stringify(a)} covers ${tldraws} ${JSON.stringify(b)}`).toBe(false)
        }
      }
    }

    await expect(page.locator('.tlui-style-panel__wrapper')).toBeVisible()
    await expectApart('nothing selected')
    await page.mouse.move(viewport.width / 2, viewport.height / 2)
    await page.keyboard.press('1')
    await page.keyboard.type('Order Placed')
    await page.keyboard.press('Escape')
    await expect(page.locator('.es-inspector')).toBeVisible()
    await expectApart('an event selected, its contract open')
    await drawRectangle(page, { x: viewport.width / 2 - 120, y: viewport.height / 2 + 120 }, { x: viewport.width / 2 - 40, y: viewport.height / 2 + 170 })
    await expectApart('a rectangle selected, every style shown')
  })
}

test('on a board of 5,000 stickies a palette key pressed right after the page loaded places a sticky, and the text typed next lands in it', async ({ app, people }) => {
  test.setTimeout(180_000)
  const { links } = await app.importBoard(generatedBoard(5000))
  const { page } = await people.arrive('Ivo')
  await page.goto(links.participant)
  await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 90_000 })

  await page.mouse.move(640, 400)
  await page.keyboard.press('1')
  await page.keyboard.type('Order Placed')
  await page.keyboard.press('Escape')
  await expect(page.locator('.es-sticky').filter({ hasText: 'Order Placed' })).toHaveCount(1, { timeout: 30_000 })
  // The letters went into the sticky, not to tldraw's tool shortcuts (d: draw, r: rectangle…).
  await expect(page.getByTestId('tools.select')).toHaveAttribute('aria-pressed', 'true')
})
