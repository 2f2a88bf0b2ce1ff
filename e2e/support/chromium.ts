import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** Where a system-wide Chromium or Chrome lives on Debian and its relatives. */
const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

const howToGetOne =
  'install one with `apt-get install chromium`, or `npx playwright install chromium` where the internet is reachable, or set CHROMIUM_PATH'

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else the system's,
 * else one Playwright has installed. Playwright never downloads one itself, so
 * a missing browser is reported in one line before anything is built.
 */
export function chromiumPath(): string {
  const chosen = process.env.CHROMIUM_PATH
  if (chosen) {
    if (existsSync(chosen)) return chosen
    throw new Error(`No Chromium for the end-to-end tests: CHROMIUM_PATH=${chosen} does not exist; ${howToGetOne}`)
  }
  const found = [...systemBrowsers, chromium.executablePath()].find((path) => existsSync(path))
  if (found) return found
  throw new Error(`No Chromium for the end-to-end tests (looked in ${systemBrowsers.join(', ')} and Playwright's browsers); ${howToGetOne}`)
}
