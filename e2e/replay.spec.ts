import { boardIdOf, expect, placeEvent, test, tokenOf } from './support/fixtures'


test('a facilitator replays the workshop: an earlier moment lacks the later sticky and says who added what', async ({ app, people, request }) => {
  const { links } = await app.createBoard('Replayed')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  await placeEvent(pat, 'Order Placed', { x: 400, y: 300 })
  await expect(fay.page.locator('.es-sticky')).toHaveCount(1)
  await placeEvent(fay, 'Payment Taken', { x: 700, y: 300 })
  await expect(pat.page.locator('.es-sticky')).toHaveCount(2)

  // Edits reach the database within WRITE_INTERVAL_MS; the replay shows what is stored.
  const stored = async () => JSON.stringify(await (await request.get(`${app.origin}/api/boards/${boardIdOf(links.facilitator)}/replay`, { headers: { authorization: `Bearer ${tokenOf(links.facilitator)}` } })).json())
  await expect.poll(stored).toContain('Payment Taken')

  const { page } = fay
  await page.getByRole('button', { name: 'Replay', exact: true }).click()
  const replay = page.getByRole('region', { name: 'Replay' })
  const canvas = replay.locator('.tl-container')
  // The replay opens at the latest moment.
  await expect(canvas.locator('.es-sticky')).toHaveCount(2)
  const steps = replay.getByRole('list', { name: 'Steps' }).getByRole('listitem')
  await expect(steps.filter({ hasText: 'The board as created' })).toHaveCount(1)

  // Pat's last step (a slow typist's text may take two).
  await steps.filter({ hasText: 'Pat (participant)' }).last().getByRole('button').click()
  await expect(canvas.locator('.es-sticky')).toHaveCount(1)
  await expect(canvas.locator('.es-sticky')).toContainText('Order Placed')
  const changes = replay.getByRole('region', { name: 'Changes in this step' })
  await expect(changes.getByRole('heading')).toHaveText('Pat (participant)')
  await expect(changes).toContainText(/(added|edited) Domain event “Order Placed”/)
  await expect(replay.getByTestId('replay-moment')).toContainText('Pat (participant)')

  // Back to the very start with the scrubber, then played to the end.
  await replay.getByRole('slider', { name: 'Moment' }).fill('0')
  await expect(canvas.locator('.es-sticky')).toHaveCount(0)
  await replay.getByLabel('Speed').selectOption('600')
  await replay.getByRole('button', { name: 'Play', exact: true }).click()
  await expect(canvas.locator('.es-sticky').filter({ hasText: 'Payment Taken' })).toHaveCount(1)
  await expect(replay.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await expect(changes.getByRole('heading')).toHaveText('Fay (facilitator)')

  // Nothing in the replay can be changed, and the live board comes back unchanged.
  await canvas.locator('.es-sticky').first().click()
  await page.keyboard.press('Delete')
  await expect(canvas.locator('.es-sticky')).toHaveCount(2)
  await replay.getByRole('button', { name: /Back to the board/ }).click()
  await expect(page.getByTestId('connection-status')).toHaveText('Connected')
  await expect(page.locator('.es-sticky')).toHaveCount(2)
  await expect(pat.page.locator('.es-sticky')).toHaveCount(2)
})

test('the replay is the facilitator’s until they open it to everyone; then a participant replays too', async ({ app, people }) => {
  const { links } = await app.createBoard('Opened replay')
  const fay = await people.join(links.facilitator, 'Fay')
  const pat = await people.join(links.participant, 'Pat')
  await placeEvent(pat, 'Order Placed', { x: 400, y: 300 })
  await expect(pat.page.getByRole('button', { name: 'Replay', exact: true })).toHaveCount(0)

  await fay.page.getByRole('button', { name: 'Replay', exact: true }).click()
  await Promise.all([
    fay.page.waitForResponse((response) => response.url().endsWith('/replay/access') && response.request().method() === 'PUT' && response.ok()),
    fay.page.getByRole('checkbox', { name: 'Everyone with a link may replay' }).check(),
  ])
  await pat.page.reload()
  await pat.page.getByRole('button', { name: 'Replay', exact: true }).click()
  const replay = pat.page.getByRole('region', { name: 'Replay' })
  await expect(replay.locator('.es-sticky')).toContainText('Order Placed')
  await expect(replay.getByRole('checkbox', { name: 'Everyone with a link may replay' })).toHaveCount(0)
})

test('replay routes: a forged, foreign or missing token is refused; participants and viewers only once the facilitator opens it; bad input is a 4xx', async ({ app, request }) => {
  const board = await app.createBoard('Guarded replay')
  const other = await app.createBoard('Other')
  const as = (link?: string): Record<string, string> => (link === undefined ? {} : { authorization: `Bearer ${tokenOf(link)}` })
  const url = (path: string) => `${app.origin}/api/boards/${board.id}/replay${path}`
  const get = (path: string, link?: string) => request.get(url(path), { headers: as(link) })
  const open = (everyone: unknown, link?: string) => request.put(url('/access'), { headers: { ...as(link), 'content-type': 'application/json' }, data: JSON.stringify({ everyone }) })
  const [v, id, , generation, mac] = tokenOf(board.links.viewer).split('.')
  const forged = [v, id, 'facilitator', generation, mac].join('.')

  for (const path of ['', '/access', '/e1']) {
    expect((await get(path)).status(), `${path} without a token`).toBe(401)
    expect((await request.get(url(path), { headers: { authorization: `Bearer ${forged}` } })).status(), `${path} forged`).toBe(401)
    expect((await get(path, other.links.facilitator)).status(), `${path} with another board's token`).toBe(403)
  }
  expect((await open(true, board.links.participant)).status()).toBe(403)
  expect((await open(true, board.links.viewer)).status()).toBe(403)
  expect((await request.put(url('/access'), { headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' }, data: '{"everyone":true}' })).status()).toBe(401)

  const timeline = await get('', board.links.facilitator)
  expect(timeline.status()).toBe(200)
  const { steps } = (await timeline.json()) as { steps: { id: string; label: string }[] }
  expect(steps.map((step) => step.label)).toEqual(['The board as created'])
  const atStart = await get(`/${steps[0]!.id}`, board.links.facilitator)
  expect(atStart.status()).toBe(200)
  expect(((await atStart.json()) as { records: { typeName: string }[] }).records.map((record) => record.typeName).sort()).toEqual(['document', 'page'])

  for (const role of ['participant', 'viewer'] as const) {
    expect((await get('', board.links[role])).status(), `${role} before`).toBe(403)
    expect((await get(`/${steps[0]!.id}`, board.links[role])).status(), `${role} before`).toBe(403)
    expect(await (await get('/access', board.links[role])).json()).toEqual({ everyone: false, allowed: false })
  }
  expect((await open('yes', board.links.facilitator)).status()).toBe(400)
  expect((await request.put(url('/access'), { headers: { ...as(board.links.facilitator), 'content-type': 'text/plain' }, data: 'true' })).status()).toBe(415)
  expect((await open(true, board.links.facilitator)).status()).toBe(200)
  for (const role of ['participant', 'viewer'] as const) {
    expect((await get('', board.links[role])).status(), `${role} after`).toBe(200)
    expect((await get(`/${steps[0]!.id}`, board.links[role])).status(), `${role} after`).toBe(200)
    expect((await open(false, board.links[role])).status(), `${role} may not close it`).toBe(403)
  }

  expect((await get('/x1', board.links.facilitator)).status()).toBe(400)
  expect((await get('/e99999999999', board.links.facilitator)).status()).toBe(410)
  expect((await get('/v1', other.links.facilitator)).status()).toBe(403)

  const audit = (await (await request.get(`${app.origin}/api/boards/${board.id}/audit`, { headers: as(board.links.facilitator) })).json()) as { events: { action: string; role: string; detail: unknown }[] }
  expect(audit.events.filter((event) => event.action === 'replay.access')).toEqual([expect.objectContaining({ role: 'facilitator', detail: { everyone: true } })])
})
