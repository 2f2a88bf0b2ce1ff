import { type Browser, expect, test } from '@playwright/test'
import { AppServer } from './support/appServer'
import { type Person, drawRectangle, expectConnected, expectStayedHome, openBoardAs, shapes } from './support/participants'

let app: AppServer
const people: Person[] = []

test.beforeAll(async () => {
  app = await AppServer.start()
})

test.afterEach(async () => {
  for (const person of people.splice(0)) {
    expectStayedHome(person, app.origin)
    await person.close()
  }
})

test.afterAll(async () => {
  await app?.dispose()
})

async function join(browser: Browser, url: string, name: string): Promise<Person> {
  const person = await openBoardAs(browser, url, name)
  people.push(person)
  return person
}

test('a shape drawn by one person appears for the other within 2 seconds', async ({ browser }) => {
  const url = await app.createBoard('Live drawing')
  const alice = await join(browser, url, 'Alice')
  const bob = await join(browser, url, 'Bob')

  await drawRectangle(alice.page, { x: 300, y: 300 }, { x: 460, y: 400 })
  await expect(shapes(alice.page)).toHaveCount(1)
  await expect(shapes(bob.page)).toHaveCount(1, { timeout: 2000 })
})

test('each person sees the other’s cursor with their name', async ({ browser }) => {
  const url = await app.createBoard('Cursors')
  const alice = await join(browser, url, 'Alice')
  const bob = await join(browser, url, 'Bob')

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

test('undo takes back only my own change, never someone else’s', async ({ browser }) => {
  const url = await app.createBoard('Undo')
  const alice = await join(browser, url, 'Alice')
  const bob = await join(browser, url, 'Bob')

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

test('the board survives a reload and a server restart, and edits made while offline merge on return', async ({ browser }) => {
  const url = await app.createBoard('Durable')
  const alice = await join(browser, url, 'Alice')
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
  const bob = await join(browser, url, 'Bob')
  await expect(shapes(bob.page)).toHaveCount(2)
})

test('leaving a board for another closes its connection, and the others see the person go', async ({ browser }) => {
  const first = await app.createBoard('First')
  const second = await app.createBoard('Second')
  const alice = await join(browser, first, 'Alice')
  const bob = await join(browser, first, 'Bob')
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
  await bob.page.getByRole('link', { name: 'All boards' }).click()
  await bob.page.getByRole('link', { name: /Second/ }).click()
  await expectConnected(bob.page)
  await expect(alice.page.locator('.tl-collaborators__item')).toHaveCount(0)

  const secondPath = new URL(second).pathname.replace('/b/', '/yjs/')
  expect(bobsSockets.map((s) => [new URL(s.url).pathname, s.closed])).toEqual([[secondPath, false]])
})
