import { AppServer } from './support/appServer'
import { type Person, expect, expectConnected, placeEvent, test, tokenOf } from './support/fixtures'

const stickies = (person: Person) => person.page.locator('.es-sticky')


test('every board route refuses a missing, forged, foreign or revoked token, and facilitator routes refuse the others', async ({ app, request }) => {
  const board = await app.createBoard('Guarded')
  const other = await app.createBoard('Other')
  const as = (token?: string): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` })
  const get = (path: string, token?: string) => request.get(`${app.origin}/api/boards/${board.id}${path}`, { headers: as(token) })
  const rotate = (role: string, token?: string) => request.post(`${app.origin}/api/boards/${board.id}/links/${role}/rotate`, { headers: as(token) })
  const [v, id, , generation, mac] = tokenOf(board.links.viewer).split('.')
  const forged = [v, id, 'facilitator', generation, mac].join('.')

  for (const path of ['', '/model', '/export', '/suggest-contexts', '/links']) {
    expect((await get(path)).status(), `${path} without a token`).toBe(401)
    expect((await get(path, forged)).status(), `${path} with a forged token`).toBe(401)
    expect((await get(path, tokenOf(other.links.facilitator))).status(), `${path} with another board's token`).toBe(403)
  }
  for (const path of ['', '/model', '/export', '/suggest-contexts']) expect((await get(path, tokenOf(board.links.viewer))).status()).toBe(200)
  for (const role of ['viewer', 'participant'] as const) {
    expect((await get('/links', tokenOf(board.links[role]))).status()).toBe(403)
    expect((await rotate('viewer', tokenOf(board.links[role]))).status()).toBe(403)
  }
  expect((await rotate('viewer')).status()).toBe(401)
  expect((await rotate('admin', tokenOf(board.links.facilitator))).status()).toBe(400)

  const { links } = await (await get('/links', tokenOf(board.links.facilitator))).json()
  expect(links).toEqual({ participant: board.links.participant, viewer: board.links.viewer })

  const rotated = await rotate('viewer', tokenOf(board.links.facilitator))
  expect(rotated.status()).toBe(200)
  const { link } = await rotated.json()
  expect((await get('/model', tokenOf(board.links.viewer))).status()).toBe(401)
  expect((await get('/model', tokenOf(link))).status()).toBe(200)
  expect((await get('/model', tokenOf(board.links.participant))).status()).toBe(200)

  for (const token of [...Object.values(board.links), link].map(tokenOf)) expect(app.log).not.toContain(token)
})

test('a link works with its token in the query as well as in the fragment, and the token leaves the address bar', async ({ app, people }) => {
  const { url, links } = await app.createBoard('Query token')
  for (const link of [links.participant, `${url}?token=${tokenOf(links.participant)}`]) {
    const person = await people.join(link, 'Quinn')
    await expect(person.page).toHaveURL(url)
    await person.page.reload()
    await expectConnected(person.page)
  }
})

test('facilitator, participant and viewer: the viewer sees every edit live, with everyone’s role, and can change nothing', async ({ app, people }) => {
  const { links } = await app.createBoard('Three roles')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  const vic = await people.join(links.viewer, 'Vic')

  const list = vic.page.getByRole('list', { name: 'People on this board' })
  await expect(list.getByRole('listitem').filter({ hasText: 'Fay' })).toContainText('Facilitator')
  await expect(list.getByRole('listitem').filter({ hasText: 'Pat' })).toContainText('Participant')
  await expect(list.getByRole('listitem').filter({ hasText: 'Vic (you)' })).toContainText('Viewer')
  await expect(fay.page.getByRole('list', { name: 'People on this board' }).getByRole('listitem').filter({ hasText: 'Vic' })).toContainText('Viewer')

  await placeEvent(pat, 'Order Placed', { x: 400, y: 300 })
  await expect(stickies(vic)).toHaveCount(1)
  await expect(stickies(vic)).toContainText('Order Placed')
  await placeEvent(fay, 'Payment Taken', { x: 700, y: 300 })
  await expect(stickies(vic)).toHaveCount(2)

  await expect(vic.page.getByRole('navigation', { name: 'EventStorming palette' })).toHaveCount(0)
  await placeEvent(vic, 'Sneaky', { x: 500, y: 500 })
  // Typing into a read-only board ran tool shortcuts (k: laser); back to selecting.
  await vic.page.keyboard.press('v')
  await stickies(vic).first().click()
  await vic.page.keyboard.press('Delete')
  await expect(vic.page.getByRole('region', { name: 'Event contract' }).getByTestId('event-name')).toBeDisabled()

  // Something the others do next arrives; nothing of what the viewer tried ever does.
  await placeEvent(pat, 'Order Shipped', { x: 400, y: 500 })
  for (const person of [fay, pat, vic]) await expect(stickies(person)).toHaveCount(3)
  for (const person of [fay, pat]) await expect(stickies(person).filter({ hasText: 'Sneaky' })).toHaveCount(0)
})

test('replacing the viewer link disconnects the viewer, the old link stops opening the board, the new one works', async ({ app, people }) => {
  const { links } = await app.createBoard('Rotation')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  const vic = await people.join(links.viewer, 'Vic')

  await fay.page.getByRole('button', { name: 'Invite' }).click()
  const dialog = fay.page.getByRole('dialog', { name: 'Invite people' })
  const viewerLink = dialog.getByRole('textbox', { name: 'Viewer link' })
  await expect(viewerLink).toHaveValue(links.viewer)
  await expect(dialog.getByRole('textbox', { name: 'Participant link' })).toHaveValue(links.participant)
  fay.page.once('dialog', (confirm) => void confirm.accept())
  await dialog.getByRole('region', { name: 'Viewer link' }).getByRole('button', { name: 'Replace' }).click()
  await expect(viewerLink).not.toHaveValue(links.viewer)
  const newLink = await viewerLink.inputValue()

  await expect(vic.page.getByTestId('connection-status')).toHaveText(/link was replaced/)
  await expectConnected(pat.page)
  await expectConnected(fay.page)

  const withOldLink = await people.arrive('Late')
  await withOldLink.page.goto(links.viewer)
  await expect(withOldLink.page.getByRole('heading', { name: 'This link does not open the board' })).toBeVisible()
  const withNewLink = await people.join(newLink, 'Later')
  await expect(withNewLink.page.getByTestId('your-role')).toHaveText('Viewer')
})

test('a facilitator restores the board after a participant deleted everything, and everyone sees it come back', async ({ app, people }) => {
  const { links } = await app.createBoard('Restore')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  const vic = await people.join(links.viewer, 'Vic')
  for (const [i, text] of ['Order Placed', 'Payment Taken', 'Order Shipped', 'Order Delivered'].entries()) {
    await placeEvent(pat, text, { x: 250 + i * 220, y: 300 })
  }
  for (const person of [fay, pat, vic]) await expect(stickies(person)).toHaveCount(4)

  await pat.page.keyboard.press('v')
  await pat.page.keyboard.press('ControlOrMeta+a')
  await pat.page.keyboard.press('Delete')
  for (const person of [fay, pat, vic]) await expect(stickies(person)).toHaveCount(0)

  await fay.page.getByRole('button', { name: 'History' }).click()
  const history = fay.page.getByRole('dialog', { name: 'History' })
  const before = history.getByRole('list', { name: 'Versions' }).getByRole('listitem').filter({ hasText: 'Before Pat (participant) deleted' })
  await expect(before).toHaveCount(1)
  fay.page.once('dialog', (confirm) => void confirm.accept())
  await before.getByRole('button', { name: 'Restore' }).click()

  for (const person of [fay, pat, vic]) {
    await expect(stickies(person)).toHaveCount(4)
    await expect(stickies(person).filter({ hasText: 'Order Delivered' })).toHaveCount(1)
  }
  await expect(history.getByRole('list', { name: 'Versions' })).toContainText('Before restoring')
  await expect(history.getByRole('list', { name: 'Activity' })).toContainText('version restored')
})

test('on a server without a creation key, anyone on the network may start a workshop', async ({ request }) => {
  const open = await AppServer.start({ open: true })
  try {
    const response = await request.post(`${open.origin}/api/boards`, { data: { name: 'LAN workshop' } })
    expect(response.status()).toBe(201)
    expect(Object.keys((await response.json()).links)).toEqual(['facilitator', 'participant', 'viewer'])
  } finally {
    await open.dispose()
  }
})
