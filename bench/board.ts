/**
 * `npm run bench:board`: opening big boards in a real browser. The app as it
 * runs in production (AppServer: the Next.js build and the realtime server on
 * a fresh embedded database) gets generated boards of 1,000 and 5,000
 * stickies through the import; Chromium opens each as a participant. Beside
 * them, in the same run, an empty board: the reference, what the page and
 * tldraw cost before any sticky. For each, best of 3 loads:
 *
 * - firstSticky: from navigation to the first sticky drawn (target 2 s);
 * - connected: until the board says Connected (synced and bound);
 * - place: from a palette key to the new sticky on screen (interactive);
 * - fps: frames drawn per second while the view pans for two seconds (60 is the display's);
 * - coldLoad: the server loading the stored board (not in memory yet): from a
 *   websocket's upgrade request to the board's state (Yjs sync step 2) (target 100 ms);
 * - model: `GET …/model` on the stored board, first and second call, and
 *   bundle: `GET …/export/bundle`, every contract export zipped (target 200 ms).
 *
 * Then one JSON line. Needs `npm run build` first and a Chromium (see README).
 */
import { chromium, type Page } from '@playwright/test'
import WebSocket from 'ws'
import { chromiumPath } from '../e2e/support/chromium.ts'
import { AppServer, type CreatedBoard } from '../e2e/support/appServer.ts'
import { generatedBoard } from '../e2e/support/generatedBoard.ts'

const sizes = [0, 1000, 5000]
const loads = 3

interface Load {
  firstSticky: number | null
  connected: number
  place: number
  fps: number
}

/** Marks, in the page's own clock, when the first sticky and the Connected status appear. */
function watchFirstPaint() {
  const marks: Record<string, number> = {}
  ;(window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks
  new MutationObserver(() => {
    if (!marks.firstSticky && document.querySelector('.es-sticky')) marks.firstSticky = performance.now()
    if (!marks.connected && document.querySelector('[data-testid="connection-status"]')?.textContent === 'Connected') marks.connected = performance.now()
  }).observe(document, { subtree: true, childList: true, characterData: true })
}

async function framesWhilePanning(page: Page): Promise<number> {
  // A string, not a function: tsx would wrap the page's named functions in a helper the page lacks.
  const counting = page.evaluate<number>(`new Promise((resolve) => {
    let frames = 0
    const start = performance.now()
    requestAnimationFrame(function tick() {
      frames++
      if (performance.now() - start < 2000) requestAnimationFrame(tick)
      else resolve((frames * 1000) / (performance.now() - start))
    })
  })`)
  await page.mouse.move(640, 400)
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(15, 10)
    await page.waitForTimeout(40)
  }
  return counting
}

async function loadOnce(browser: Awaited<ReturnType<typeof chromium.launch>>, link: string, withStickies: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.addInitScript(watchFirstPaint)
  await page.goto(link)
  await page.getByTestId('connection-status').filter({ hasText: 'Connected' }).waitFor({ timeout: 120_000 })
  if (withStickies) await page.locator('.es-sticky').first().waitFor({ timeout: 120_000 })
  const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks)
  const stickies = await page.locator('.es-sticky').count()
  await page.mouse.move(640, 400)
  const placing = Date.now()
  await page.keyboard.press('1')
  await page.locator('.es-sticky').nth(stickies).waitFor({ state: 'attached', timeout: 60_000 })
  const place = Date.now() - placing
  await page.keyboard.press('Escape')
  const fps = await framesWhilePanning(page)
  await context.close()
  return { firstSticky: withStickies ? marks.firstSticky! : null, connected: marks.connected!, place, fps }
}

/** From a websocket's upgrade request to the board's whole state, as y-websocket asks for it (sync step 1, empty state vector). */
function timedSync(origin: string, boardId: string, token: string): Promise<number> {
  const start = performance.now()
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/yjs/${boardId}?token=${token}`)
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(Uint8Array.of(0, 0, 1, 0)))
    socket.on('message', (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 1) return
      resolve(performance.now() - start)
      socket.close()
    })
    socket.on('error', reject)
  })
}

async function timedGet(url: string, token: string): Promise<number> {
  const start = performance.now()
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - start
}

const app = await AppServer.start()
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] })
const results: Record<string, unknown>[] = []
try {
  for (const size of sizes) {
    const board: CreatedBoard = size === 0 ? await app.createBoard('Empty') : await app.importBoard(generatedBoard(size))
    const token = new URL(board.links.participant).hash.replace('#token=', '')
    const modelUrl = `${app.origin}/api/boards/${board.id}/model`
    // A new board is stored, not in the server's memory: the model reads it from the database, and so does the first connection.
    const modelFirst = await timedGet(modelUrl, token)
    const modelAgain = await timedGet(modelUrl, token)
    const exportBundle = await timedGet(`${app.origin}/api/boards/${board.id}/export/bundle`, token)
    const coldLoad = await timedSync(app.origin, board.id, token)
    const runs: Load[] = []
    for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, board.links.participant, size > 0))
    const best = (pick: (load: Load) => number | null, most = false) => {
      const values = runs.map(pick).filter((value): value is number => value !== null)
      return values.length === 0 ? null : Math.round(most ? Math.max(...values) : Math.min(...values))
    }
    const row = {
      stickies: size,
      firstStickyMs: best((load) => load.firstSticky),
      connectedMs: best((load) => load.connected),
      placeMs: best((load) => load.place),
      fps: best((load) => load.fps, true),
      coldLoadMs: Math.round(coldLoad),
      modelFirstMs: Math.round(modelFirst),
      modelAgainMs: Math.round(modelAgain),
      bundleMs: Math.round(exportBundle),
    }
    results.push(row)
    const label = size === 0 ? 'empty board (reference)' : `${size.toLocaleString('en')} stickies`
    console.log(
      `${label.padEnd(24)} first sticky ${String(row.firstStickyMs ?? '—').padStart(5)} ms  connected ${String(row.connectedMs).padStart(5)} ms  place ${String(row.placeMs).padStart(4)} ms  ${String(row.fps).padStart(3)} fps  cold load ${row.coldLoadMs} ms  model ${row.modelFirstMs} / ${row.modelAgainMs} ms  bundle ${row.bundleMs} ms`,
    )
  }
} finally {
  await browser.close()
  await app.dispose()
}
console.log(JSON.stringify({ bench: 'board', loads, results }))
