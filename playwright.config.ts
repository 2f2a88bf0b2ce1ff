import { defineConfig } from '@playwright/test'
import { chromiumPath } from './e2e/support/chromium'

// A Chromium already on the machine (e2e/support/chromium.ts), never one
// downloaded at test time. Each spec starts its own app server
// (e2e/support/appServer.ts) because some stop and restart it.
export default defineConfig({
  testDir: 'e2e',
  // Limits for hangs, not speed targets: a board opens in a few seconds on a busy two-core machine.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
})
