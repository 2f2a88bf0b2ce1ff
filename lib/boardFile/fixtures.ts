import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The real EventStormer boards in shared/fixtures (beside the project), for tests. */
export const fixtureDir = join(process.cwd(), '..', 'shared', 'fixtures', 'eventstormer')

export function readFixture(name: 'eventstorming-facilitation-workshop' | 'process-modelling-grammar'): unknown {
  return JSON.parse(readFileSync(join(fixtureDir, `${name}.json`), 'utf8'))
}
