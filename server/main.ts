// The process entry: `npm start` (production) and `npm run dev`.
import { readConfig } from '../lib/config.ts'
import { openDatabase, targetFromConfig } from '../lib/db/client.ts'
import { closeOnSignals, startServer } from './app.ts'
import { surviveClosedOutput } from './closedOutput.ts'

surviveClosedOutput()
const dev = process.argv.includes('--dev')
const config = readConfig()
const target = targetFromConfig(config)
const database = await openDatabase(target)
const running = await startServer({ config, database, web: { dev } })

const where = target.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${target.dataDir}`
console.log(`EventStorming board on http://localhost:${running.port} (${dev ? 'development' : 'production'}, ${where})`)

closeOnSignals(running)
