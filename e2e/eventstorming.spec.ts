import { elementKindDefinitions, elementKinds } from '../lib/board/elementKinds'
import type { ContextProposal } from '../lib/model/suggestContexts'
import { motorInsuranceWorkshop } from '../lib/model/testing'
import { type Person, expect, test, tokenOf } from './support/fixtures'

const stickies = (person: Person, kind?: string) => person.page.locator(kind ? `.es-sticky[data-kind="${kind}"]` : '.es-sticky')

test('each element kind is placed from the palette and by its key, typed at once, and seen by the other person', async ({ app, people }) => {
  const { links } = await app.createBoard('Palette')
  const alice = await people.join(links.facilitator, 'Alice')
  const bob = await people.join(links.participant, 'Bob')
  const { page } = alice

  for (const kind of elementKinds) {
    const { label } = elementKindDefinitions[kind]
    await page.getByRole('navigation', { name: 'EventStorming palette' }).getByRole('button', { name: label, exact: true }).click()
    await page.keyboard.type(`${label} from palette`)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
  }
  for (const [i, kind] of elementKinds.entries()) {
    const { label, shortcut } = elementKindDefinitions[kind]
    await page.mouse.move(150 + (i % 5) * 200, 450 + Math.floor(i / 5) * 200)
    await page.keyboard.press(shortcut)
    await page.keyboard.type(`${label} by key`)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
  }

  // Bob looks at the whole board: stickies off screen are not drawn.
  await bob.page.mouse.move(640, 400)
  await expect(async () => {
    await bob.page.keyboard.press('Shift+1')
    await expect(stickies(bob)).toHaveCount(elementKinds.length * 2, { timeout: 1000 })
  }).toPass()
  for (const kind of elementKinds) {
    const { label } = elementKindDefinitions[kind]
    await expect(stickies(bob, kind)).toHaveCount(2)
    await expect(stickies(bob, kind).filter({ hasText: `${label} from palette` })).toHaveCount(1)
    await expect(stickies(bob, kind).filter({ hasText: `${label} by key` })).toHaveCount(1)
  }
  await expect(stickies(bob)).toHaveCount(elementKinds.length * 2)
})

test('Tab storms a flow from the keyboard: each next event lands to the right on the same row, and the one left empty at the end goes away', async ({ app, people }) => {
  const alice = await people.join((await app.createBoard('Flow')).links.participant, 'Alice')
  const { page } = alice
  await page.mouse.move(300, 300)
  await page.keyboard.press('1')
  for (const name of ['Order Placed', 'Payment Taken', 'Order Shipped']) {
    await page.keyboard.type(name)
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Escape')

  const events = stickies(alice, 'event')
  await expect(events).toHaveCount(3)
  const boxes = await Promise.all(['Order Placed', 'Payment Taken', 'Order Shipped'].map((name) => events.filter({ hasText: name }).boundingBox()))
  expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1)
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x)
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x)
})

test("an event's contract filled by one person shows in the other's panel", async ({ app, people }) => {
  const { links } = await app.createBoard('Contract')
  const alice = await people.join(links.participant, 'Alice')
  const bob = await people.join(links.participant, 'Bob')
  await alice.page.mouse.move(400, 300)
  await alice.page.keyboard.press('1')
  await alice.page.keyboard.type('Order Placed')
  await alice.page.keyboard.press('Escape')

  const panel = alice.page.getByRole('complementary').getByRole('region', { name: 'Event contract' })
  await expect(panel).toBeVisible()
  await panel.getByRole('button', { name: 'Add field' }).click()
  await panel.getByLabel('Field 1 name').fill('orderId')
  await panel.getByRole('button', { name: 'Add field' }).click()
  await panel.getByLabel('Field 2 name').fill('customerEmail')
  await panel.getByLabel('Field 2 sensitivity').selectOption('pii')
  await panel.getByRole('button', { name: 'Add field' }).click()
  await panel.getByLabel('Field 3 name').fill('channel')
  await panel.getByLabel('Field 3 type').selectOption('enum')
  await panel.getByLabel('Field 3 values').fill('web, phone, shop')
  await panel.getByLabel('Field 3 required').uncheck()
  await panel.getByLabel('Field 3 description').click()
  await panel.getByRole('button', { name: 'Add field' }).click()
  await panel.getByLabel('Field 4 name').fill('shippingAddress')
  await panel.getByLabel('Field 4 type').selectOption('object')
  await panel.getByRole('button', { name: 'Add field to shippingAddress' }).click()
  await panel.getByLabel('Field 4.1 name').fill('city')

  await stickies(bob, 'event').click()
  const seen = bob.page.getByRole('complementary').getByRole('region', { name: 'Event contract' })
  await expect(seen.getByLabel('Field 1 name')).toHaveValue('orderId')
  await expect(seen.getByLabel('Field 2 name')).toHaveValue('customerEmail')
  await expect(seen.getByLabel('Field 2 sensitivity')).toHaveValue('pii')
  await expect(seen.getByLabel('Field 3 type')).toHaveValue('enum')
  await expect(seen.getByLabel('Field 3 values')).toHaveValue('web, phone, shop')
  await expect(seen.getByLabel('Field 3 required')).not.toBeChecked()
  await expect(seen.getByLabel('Field 4 type')).toHaveValue('object')
  await expect(seen.getByLabel('Field 4.1 name')).toHaveValue('city')
  await expect(stickies(bob, 'event')).toContainText('4 fields')
})

test('the model endpoint reports stickies in the context that holds them', async ({ app, people, request }) => {
  const { id: boardId, links } = await app.createBoard('Model')
  const alice = await people.join(links.participant, 'Alice')
  const { page } = alice

  await page.getByRole('navigation', { name: 'EventStorming palette' }).getByRole('button', { name: 'Bounded context' }).click()
  const contextPanel = page.getByRole('region', { name: 'Bounded context' })
  await contextPanel.getByTestId('context-name').fill('Ordering')
  await contextPanel.getByLabel('Event source').fill('com.acme.orders')
  await page.keyboard.press('Escape')

  const viewport = page.viewportSize()!
  await page.mouse.move(viewport.width / 2 - 100, viewport.height / 2)
  await page.keyboard.press('2')
  await page.keyboard.type('Place Order')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Order Placed')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await page.mouse.move(60, viewport.height - 120)
  await page.keyboard.press('1')
  await page.keyboard.type('Invoice Sent')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')

  await expect(async () => {
    const response = await request.get(`${app.origin}/api/boards/${boardId}/model`, { headers: { authorization: `Bearer ${tokenOf(links.viewer)}` } })
    expect(response.status()).toBe(200)
    const { model, findings } = await response.json()
    const byId = (id: string) => [...model.elements.event, ...model.elements.command].find((e: { id: string }) => e.id === id)
    expect(model.contexts).toHaveLength(1)
    expect(model.contexts[0]).toMatchObject({ name: 'Ordering', source: 'com.acme.orders' })
    expect(model.contexts[0].elementIds.map((id: string) => byId(id).text).sort()).toEqual(['Order Placed', 'Place Order'])
    expect(model.outsideContexts.map((id: string) => byId(id).text)).toEqual(['Invoice Sent'])
    expect(findings.map((f: { rule: string }) => f.rule)).toContain('outside-context')
  }).toPass({ timeout: 10_000 })
})

test('suggested contexts for an imported workshop board are shown with their confidence and reason first, and added only on accept', async ({ app, people, request }) => {
  // The layout: two rows with their own short boundaries, titles at different heights, the board's title at the top left.
  const { id, links } = await app.importBoard(motorInsuranceWorkshop)
  const suggestions = async () =>
    (await (await request.get(`${app.origin}/api/boards/${id}/suggest-contexts?token=${tokenOf(links.participant)}`)).json()) as ContextProposal[]
  const names = ['QUOTE', 'POLICY SALE', 'ONBOARDING', 'CLAIMS', 'SETTLEMENT']
  expect((await suggestions()).map((p) => [p.name, p.confidence])).toEqual(names.map((name) => [name, 'high']))

  const alice = await people.join(links.facilitator, 'Alice')
  const bob = await people.join(links.participant, 'Bob')
  await alice.page.getByRole('button', { name: 'Suggest contexts' }).click()
  const dialog = alice.page.getByRole('dialog', { name: 'Suggested bounded contexts' })
  await expect(dialog.getByRole('listitem')).toHaveCount(5)
  for (const [i, name] of names.entries()) await expect(dialog.getByRole('listitem').nth(i).locator('strong')).toHaveText(name)
  const claims = dialog.getByRole('listitem').filter({ hasText: 'CLAIMS' })
  await expect(claims).toContainText('5 stickies')
  await expect(claims).toContainText('high confidence')
  await expect(claims).toContainText('Titled “CLAIMS” in its row; from the start of the row to the boundary after “Claim Approved”.')
  await expect(dialog).not.toContainText('MOTOR INSURANCE')
  await expect(bob.page.locator('.es-context')).toHaveCount(0)

  await dialog.getByRole('button', { name: 'Add 5 contexts' }).click()
  await expect(bob.page.locator('.es-context')).toHaveCount(5)
  await expect(async () => expect(await suggestions()).toEqual([])).toPass({ timeout: 5000 })
})
