// Prisma 7's CLI fetches a native schema engine on every command, even
// `generate`, which does not use it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at
// any existing file skips the download, so install works with no network.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath }
const cli = fileURLToPath(import.meta.resolve('prisma/build/index.js'))
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)
