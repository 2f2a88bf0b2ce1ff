import { drawRectangle, expect, expectConnected, shapes, test } from './support/fixtures'

test('a shape drawn by one person appears for the other within 2 seconds', async ({ app, people }) => {
  const { links } = await app.createBoard('Live drawing')
  const alice = await people.join(links.facilitator, 'Alice')
  const bob = await people.join(links.participant, 'Bob')

  await drawRectangle(alice.page, { x: 300, y: 300 }, { x: 460, y: 400 })
  await expect(shapes(alice.page)).toHaveCount(1)
  await expect(shapes(bob.page)).toHaveCount(1, { timeout: 2000 })
})

test('the hatch pattern is drawn once a shape has the pattern fill, for everyone, and not before', async ({ app, people }) => {
  const { links } = await app.createBoard('Patterns')
  const alice = await people.join(links.facilitator, 'Alice')
  const bob = await people.join(links.participant, 'Bob')
  const patterns = (person: typeof alice) => person.page.getByTestId('ready-pattern-fill-defs')

  await drawRectangle(alice.page, { x: 300, y: 300 }, { x: 460, y: 400 })
  await expect(shapes(bob.page)).toHaveCount(1)
  await expect(patterns(alice)).toHaveCount(0)
  await expect(patterns(bob)).toHaveCount(0)

  await alice.page.getByRole('button', { name: 'Fill', exact: true }).click()
  await alice.page.getByRole('button', { name: 'Fill — Pattern' }).click()
  await expect(patterns(alice)).toHaveCount(1)
  await expect(patterns(bob)).toHaveCount(1)
})

test('each person sees the other’s cursor with their name', async ({ app, people }) => {
  const { links } = await app.createBoard('Cursors')
  const alice = await people.join(links.participant, 'Alice')
  const bob = await people.join(links.participant, 'Bob')

  // Cursors of idle collaborators fade, so both keep moving while we look.
  const wiggle = async () => {
    for (let i = 0; i < 5; i++) {
      await alice.page.mouse.move(400 + i * 10, 400)
      await bob.page.mouse.move(600 + i * 10, 300)
    }
  }
  await expect(async () => {
    await wiggle()
    await expect(bob.page.locator('.tl-collaborators__item .tl-nametag')).toHaveText('Alice', { timeout: 500 })
    await expect(alice.page.locator('.tl-collaborators__item .tl-nametag')).toHaveText('Bob', { timeout: 500 })
  }).toPass({ timeout: 10_000 })
})

test('undo takes back only my own change, never someone else’s', async ({ app, people }) => {
  const { links } = await app.createBoard('Undo')
  const alice = await people.join(links.participant, 'Alice')
  const bob = await people.join(links.participant, 'Bob')

  await drawRectangle(alice.page, { x: 300, y: 300 }, { x: 420, y: 380 })
  await expect(shapes(bob.page)).toHaveCount(1)
  await drawRectangle(bob.page, { x: 600, y: 300 }, { x: 720, y: 380 })
  await expect(shapes(alice.page)).toHaveCount(2)

  await alice.page.keyboard.press('ControlOrMeta+z')
  await expect(shapes(alice.page)).toHaveCount(1)
  await expect(shapes(bob.page)).toHaveCount(1)
  // What is left is Bob's rectangle, on the right.
  const box = await shapes(alice.page).boundingBox()
  expect(box!.x).toBeGreaterThan(500)
})

test('the board survives a reload and a server restart, and edits made while offline merge on return', async ({ app, people }) => {
  const { links } = await app.createBoard('Durable')
  const alice = await people.join(links.participant, 'Alice')
  await drawRectangle(alice.page, { x: 300, y: 300 }, { x: 420, y: 380 })

  await alice.page.reload()
  await expectConnected(alice.page)
  await expect(shapes(alice.page)).toHaveCount(1)

  await app.stop()
  await expect(alice.page.getByTestId('connection-status')).toHaveText(/Reconnecting|Offline/)
  await drawRectangle(alice.page, { x: 600, y: 300 }, { x: 720, y: 380 })
  await expect(shapes(alice.page)).toHaveCount(2)

  await app.start()
  await expectConnected(alice.page)
  const bob = await people.join(links.participant, 'Bob')
  await expect(shapes(bob.page)).toHaveCount(2)
})

test('leaving a board for another closes its connection, and the others see the person go', async ({ app, people }) => {
  const first = await app.createBoard('First')
  const second = await app.createBoard('Second')
  const alice = await people.join(first.links.participant, 'Alice')
  // Bob has opened both boards before, so his home page lists them.
  const bob = await people.join(second.links.participant, 'Bob')
  await bob.page.goto(first.links.participant)
  await expectConnected(bob.page)
  const bobsSockets: { url: string; closed: boolean }[] = []
  bob.page.on('websocket', (socket) => {
    const entry = { url: socket.url(), closed: false }
    bobsSockets.push(entry)
    socket.on('close', () => (entry.closed = true))
  })
  await bob.page.mouse.move(500, 400)
  await bob.page.mouse.move(520, 410)
  await expect(alice.page.locator('.tl-collaborators__item .tl-nametag')).toHaveText('Bob')

  // In-app navigation, no page load: the board's provider and document must go with it.
  await bob.page.getByRole('link', { name: 'Your boards' }).click()
  await bob.page.getByRole('link', { name: /Second/ }).click()
  await expectConnected(bob.page)
  await expect(alice.page.locator('.tl-collaborators__item')).toHaveCount(0)

  const secondPath = `/yjs/${second.id}`
  expect(bobsSockets.map((s) => [new URL(s.url).pathname, s.closed])).toEqual([[secondPath, false]])
})
