// The process entry: `npm start` (production) and `npm run dev`.
import { readConfig } from '../lib/config.ts'
import { openDatabase, targetFromConfig } from '../lib/db/client.ts'
import { startServer } from './app.ts'

const dev = process.argv.includes('--dev')
const config = readConfig()
const target = targetFromConfig(config)
const database = await openDatabase(target)
const running = await startServer({ config, database, web: { dev } })

const where = target.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${target.dataDir}`
console.log(`EventStorming board on http://localhost:${running.port} (${dev ? 'development' : 'production'}, ${where})`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: saving open boards and stopping…`)
    running.close().then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed:', error)
        process.exit(1)
      },
    )
  })
}
