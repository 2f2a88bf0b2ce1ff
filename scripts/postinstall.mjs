// Runs after `npm install`: generates the Prisma client and copies tldraw's
// fonts, icons and translations into public/, so the board never asks a CDN.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

// Prisma 7's CLI fetches a native schema engine on every command, even
// `generate`, which does not use it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at
// any existing file skips the download, so install works with no network.
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath }
const prisma = spawnSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], { stdio: 'inherit', env })
if (prisma.status !== 0) process.exit(prisma.status ?? 1)

const assets = dirname(require.resolve('@tldraw/assets/package.json'))
const target = join('public', 'tldraw-assets')
rmSync(target, { recursive: true, force: true })
mkdirSync(target, { recursive: true })
for (const folder of ['fonts', 'icons', 'translations', 'embed-icons']) {
  cpSync(join(assets, folder), join(target, folder), { recursive: true })
}
console.log(`tldraw assets copied to ${target}`)
