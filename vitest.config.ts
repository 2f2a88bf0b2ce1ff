import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'components/**/*.test.ts', 'bench/**/*.test.ts'],
    // The PostgreSQL the suites run on: configured, running, or started here.
    globalSetup: ['lib/db/testPostgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file opens its own databases and servers; two cores do not gain from more.
    maxWorkers: 2,
  },
})
