import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Route handlers import `@/lib/…` as Next resolves it (tsconfig paths); their tests call them directly.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'components/**/*.test.ts', 'bench/**/*.test.ts', 'app/**/*.test.ts'],
    // The PostgreSQL the suites run on: configured, running, or started here.
    globalSetup: ['lib/db/testPostgres.ts'],
    // A limit for hangs, not a speed target: suites on the embedded database and child-process servers take tens of seconds on a busy two-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Each file opens its own databases and servers; two cores do not gain from more.
    maxWorkers: 2,
  },
})
