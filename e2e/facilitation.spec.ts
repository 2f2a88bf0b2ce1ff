import type { Page } from '@playwright/test'
import { builtinContent, findBuiltinTemplate } from '../lib/templates/builtinTemplates'
import { type Person, expect, expectConnected, test } from './support/fixtures'

const stickies = (person: Person, kind?: string) => person.page.locator(kind ? `.es-sticky[data-kind="${kind}"]` : '.es-sticky')
const palette = (person: Person) => person.page.getByRole('navigation', { name: 'EventStorming palette' })
const facilitatorControls = (person: Person) => person.page.getByRole('region', { name: 'Facilitator controls' })

async function openControls(fay: Person) {
  await fay.page.getByRole('button', { name: 'Facilitate' }).click()
  await expect(facilitatorControls(fay)).toBeVisible()
}

/** Places a sticky by its key with the pointer at `at`, typing its text, as a person storming does. */
async function place({ page }: Person, key: string, text: string, at: { x: number; y: number }) {
  await page.mouse.move(at.x, at.y)
  await page.keyboard.press(key)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

/** Presses at the centre of `box` and drags by `by`, as a hand moving a sticky does. */
async function dragFromCentre({ page }: Person, box: { x: number; y: number; width: number; height: number }, by: { x: number; y: number }) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + by.x, box.y + by.y, { steps: 6 })
  await page.mouse.up()
}

/** The stickies a person's board draws once the template's content has arrived: those in view. */
async function templateStickies(person: Person, kind?: string): Promise<number> {
  await expect(stickies(person).first()).toBeVisible()
  return stickies(person, kind).count()
}

/** How many stickies of these kinds the shop template holds, wherever they sit on the board. */
const shopStickies = (...kinds: string[]) => builtinContent(findBuiltinTemplate('online-shop')!).elements.filter((element) => kinds.includes(element.kind)).length

/** The camera as tldraw draws it: the transform of the layer holding the shapes. */
const camera = (page: Page) => page.locator('.tl-html-layer').first().evaluate((layer) => getComputedStyle(layer).transform)

test('three people in a workshop started from the shop template: the facilitator’s phase changes everyone’s palette and hint; the timer shows for all and survives a reload', async ({ app, people }) => {
  const { links } = await app.createBoard('Workshop', 'online-shop')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  const vic = await people.join(links.viewer, 'Vic')
  const events = await templateStickies(vic, 'event')
  const commands = await templateStickies(vic, 'command')
  expect(events).toBeGreaterThan(0)

  await openControls(fay)
  await facilitatorControls(fay).getByRole('combobox', { name: 'Phase' }).selectOption({ label: 'Chaotic exploration' })
  for (const person of [fay, pat, vic]) await expect(person.page.getByTestId('phase')).toContainText('Chaotic exploration')
  await expect(pat.page.getByTestId('phase')).toContainText('in the past tense')
  await expect(palette(pat).getByRole('button')).toHaveText(['1Domain event'])

  // A command's key places nothing in this phase; an event's does.
  await place(pat, '2', 'Place Order', { x: 500, y: 600 })
  await place(pat, '1', 'Order Placed', { x: 700, y: 600 })
  await expect(stickies(vic, 'event')).toHaveCount(events + 1)
  await expect(stickies(vic, 'command')).toHaveCount(commands)

  await facilitatorControls(fay).getByRole('button', { name: 'Open the palette to every element' }).click()
  await expect(facilitatorControls(fay).getByRole('button', { name: 'Open the palette to every element' })).toHaveAttribute('aria-pressed', 'true')
  await expect(palette(pat).getByRole('button', { name: 'Command', exact: true })).toBeVisible()
  await facilitatorControls(fay).getByRole('combobox', { name: 'Phase' }).selectOption({ label: 'Problems and opportunities' })
  await expect(palette(pat).getByRole('button', { name: 'Hotspot', exact: true })).toBeVisible()
  await expect(palette(pat).getByRole('button', { name: 'Domain event', exact: true })).toHaveCount(0)

  // The timer: everyone sees it count down, a reload shows the same, a pause stops it for all.
  await facilitatorControls(fay).getByRole('spinbutton', { name: 'Timer minutes' }).fill('10')
  await facilitatorControls(fay).getByRole('button', { name: 'Start timer' }).click()
  for (const person of [fay, pat, vic]) await expect(person.page.getByTestId('timer')).toHaveText(/^(10:00|9:\d\d)$/)
  await pat.page.reload()
  await expectConnected(pat.page)
  await expect(pat.page.getByTestId('timer')).toHaveText(/^9:\d\d$/)
  await facilitatorControls(fay).getByRole('button', { name: 'Pause timer' }).click()
  for (const person of [pat, vic]) await expect(person.page.getByTestId('timer')).toContainText('paused')
  const paused = await vic.page.getByTestId('timer').textContent()
  await vic.page.waitForTimeout(1500)
  await expect(vic.page.getByTestId('timer')).toHaveText(paused!)

  // A short one ends for everyone, visibly.
  await facilitatorControls(fay).getByRole('spinbutton', { name: 'Timer minutes' }).fill('0.1')
  await facilitatorControls(fay).getByRole('button', { name: 'Start timer' }).click()
  for (const person of [fay, pat, vic]) await expect(person.page.getByTestId('timer')).toHaveText('Time’s up', { timeout: 15_000 })
  await expect(vic.page.getByTestId('timer')).toHaveAttribute('data-status', 'up')
})

test('dot voting on the shop’s hotspots and opportunities: each person sees only their own votes until the facilitator reveals them, sorted, and a reload gives nobody more', async ({ app, people }) => {
  const { links } = await app.createBoard('Voting', 'online-shop')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  const vic = await people.join(links.viewer, 'Vic')
  const shop = await templateStickies(fay)
  const shopCandidates = shopStickies('hotspot', 'opportunity')
  await place(pat, '8', 'Slow refunds', { x: 450, y: 600 })
  await place(pat, '9', 'One-click reorder', { x: 750, y: 600 })
  await expect(stickies(fay)).toHaveCount(shop + 2)

  await openControls(fay)
  await facilitatorControls(fay).getByRole('spinbutton', { name: 'Votes per person' }).fill('2')
  await facilitatorControls(fay).getByRole('button', { name: 'Vote on hotspots and opportunities' }).click()
  const voting = (person: Person) => person.page.getByRole('region', { name: 'Dot voting' })
  await expect(voting(pat).getByTestId('votes-left')).toHaveText('2 of 2 votes left')
  await expect(voting(vic)).toContainText('the results show when the facilitator reveals them')
  await expect(voting(vic).getByRole('button', { name: /^Vote for/ })).toHaveCount(0)

  await voting(pat).getByRole('button', { name: 'Vote for Slow refunds' }).click()
  await voting(pat).getByRole('button', { name: 'Vote for Slow refunds' }).click()
  await expect(voting(pat).getByTestId('votes-left')).toHaveText('0 of 2 votes left')
  await expect(voting(pat).getByRole('button', { name: 'Vote for One-click reorder' })).toBeDisabled()

  // A reload is the same voter: no new votes.
  await pat.page.reload()
  await expectConnected(pat.page)
  await expect(voting(pat).getByTestId('votes-left')).toHaveText('0 of 2 votes left')
  await voting(pat).getByRole('button', { name: 'Withdraw a vote from Slow refunds' }).click()
  await voting(pat).getByRole('button', { name: 'Vote for One-click reorder' }).click()

  await voting(fay).getByRole('button', { name: 'Vote for One-click reorder' }).click()
  await voting(fay).getByRole('button', { name: 'Vote for One-click reorder' }).click()
  // Fay's votes do not show at Pat's, nor Pat's at Fay's.
  await expect(voting(pat).locator('li', { hasText: 'One-click reorder' })).toHaveAttribute('data-votes', '1')
  await expect(voting(fay).locator('li', { hasText: 'Slow refunds' })).toHaveAttribute('data-votes', '0')

  await facilitatorControls(fay).getByRole('button', { name: 'Reveal votes' }).click()
  for (const person of [fay, pat, vic]) {
    const results = person.page.getByRole('region', { name: 'Vote results' })
    await expect(results).toContainText('2 people voted')
    // Most votes first; the shop's own hotspots and opportunities, unvoted, last.
    await expect(results.locator('li')).toHaveText([/One-click reorder.*3/, /Slow refunds.*1/, ...Array<RegExp>(shopCandidates).fill(/\D0$/)])
    await expect(person.page.getByTestId('vote-mark')).toHaveCount(2)
  }
})

test('follow me moves the participant’s view with the facilitator’s until the participant moves it; a name in the people list goes to that cursor', async ({ app, people }) => {
  const { links } = await app.createBoard('Follow')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  await openControls(fay)
  await facilitatorControls(fay).getByRole('button', { name: 'Follow me' }).click()
  await expect(pat.page.getByRole('status', { name: 'Following' })).toHaveText(/Following Fay \(facilitator\)/)

  const patBefore = await camera(pat.page)
  await fay.page.mouse.move(640, 500)
  await fay.page.mouse.wheel(400, 300)
  await expect.poll(() => camera(pat.page)).not.toBe(patBefore)
  await expect.poll(async () => (await camera(pat.page)) === (await camera(fay.page))).toBe(true)

  // Pat pans: no longer following, and Fay's next moves leave Pat's view alone.
  await pat.page.mouse.move(640, 500)
  await pat.page.mouse.wheel(-200, 0)
  await expect(pat.page.getByRole('status', { name: 'Following' })).toHaveCount(0)
  const patOwn = await camera(pat.page)
  await fay.page.mouse.wheel(300, 300)
  await fay.page.waitForTimeout(1000)
  expect(await camera(pat.page)).toBe(patOwn)

  await fay.page.mouse.move(300, 600)
  await pat.page.getByRole('list', { name: 'People on this board' }).getByRole('button', { name: 'Go to Fay’s cursor' }).click()
  await expect.poll(() => camera(pat.page)).not.toBe(patOwn)
})

test('a locked sticky cannot be moved by the participant, and a locked board takes the participant’s palette away', async ({ app, people }) => {
  const { links } = await app.createBoard('Locks')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  await place(pat, '1', 'Order Placed', { x: 500, y: 400 })
  const sticky = stickies(fay).filter({ hasText: 'Order Placed' })
  await sticky.click()
  await fay.page.keyboard.press('Shift+L')
  await expect(pat.page.getByRole('img', { name: 'Locked' })).toHaveCount(1)

  const patSticky = stickies(pat).filter({ hasText: 'Order Placed' })
  const before = await patSticky.boundingBox()
  await dragFromCentre(pat, before!, { x: 300, y: 200 })
  expect(await patSticky.boundingBox()).toEqual(before)
  await expect(sticky).toHaveCount(1)
  expect(await sticky.boundingBox()).toEqual(await sticky.boundingBox())
  await expectConnected(pat.page)

  await openControls(fay)
  await facilitatorControls(fay).getByRole('button', { name: 'Lock board' }).click()
  await expect(pat.page.getByRole('status').filter({ hasText: 'Board locked' })).toBeVisible()
  await expect(palette(pat)).toHaveCount(0)
  await facilitatorControls(fay).getByRole('button', { name: 'Unlock board' }).click()
  await expect(palette(pat)).toBeVisible()
})

test('a participant who moves a sticky before the facilitator’s lock reaches them is told the move was refused, and the board carries on as everyone sees it', async ({ app, people }) => {
  const { links } = await app.createBoard('Lock race')
  const fay = await people.join(links.facilitator, 'Fay')
  // Pat's first websocket can be held back from the server's side, as a slow network would: Pat then moves a sticky the server has locked.
  const pat = await people.arrive('Pat')
  let connections = 0
  let holdFirst = false
  await pat.page.routeWebSocket(/\/yjs\//, (ws) => {
    const first = ++connections === 1
    const server = ws.connectToServer()
    ws.onMessage((message) => server.send(message))
    server.onMessage((message) => {
      if (!(first && holdFirst)) ws.send(message)
    })
    server.onClose((code, reason) => ws.close({ code, reason }))
    ws.onClose((code, reason) => server.close({ code, reason }))
  })
  await pat.page.goto(links.participant)
  await expectConnected(pat.page)
  await place(pat, '1', 'Order Placed', { x: 500, y: 400 })
  const sticky = stickies(fay).filter({ hasText: 'Order Placed' })
  await expect(sticky).toHaveCount(1)
  const where = await sticky.boundingBox()

  holdFirst = true
  await sticky.click()
  await Promise.all([fay.page.waitForResponse((response) => response.url().endsWith('/facilitation/locks') && response.ok()), fay.page.keyboard.press('Shift+L')])
  const patSticky = stickies(pat).filter({ hasText: 'Order Placed' })
  const before = await patSticky.boundingBox()
  await dragFromCentre(pat, before!, { x: 300, y: 200 })

  await expect(pat.page.getByRole('status').filter({ hasText: 'The server refused your last change' })).toBeVisible()
  await expectConnected(pat.page)
  expect(connections).toBe(2)
  await expect(pat.page.getByRole('img', { name: 'Locked' })).toHaveCount(1)
  await expect.poll(() => patSticky.boundingBox()).toEqual(before)
  expect(await sticky.boundingBox()).toEqual(where)
  // Pat goes on working; everyone sees it.
  await place(pat, '1', 'Payment Taken', { x: 800, y: 550 })
  await expect(stickies(fay)).toHaveCount(2)
})
