// `npm start`: builds the web app when there is no build yet (a fresh clone),
// then serves it in production mode on the embedded database unless
// DATABASE_URL says otherwise. `npm run build` rebuilds after an update.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
if (!existsSync('.next/BUILD_ID')) {
  console.log('No build yet: building the web app once (about a minute)…')
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const serve = spawnSync(npm, ['run', 'serve'], { stdio: 'inherit' })
process.exit(serve.status ?? 1)
