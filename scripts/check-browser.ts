// First step of `npm run test:e2e`: fail in one line, before the build, when
// there is no Chromium to drive.
import { chromiumPath } from '../e2e/support/chromium.ts'

try {
  console.log(`Chromium for the end-to-end tests: ${chromiumPath()}`)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
