// A realtime server on its own, without the Next.js app, for tests that need
// a real process to kill and restart. Configured from the environment like the
// real server (PORT, HOST, DATA_DIR, DATABASE_URL, WRITE_INTERVAL_MS,
// UNLOAD_DELAY_MS, SECRET, REDIS_URL); prints `listening <port>` once it accepts connections.
//
//   node --import tsx server/testing/realtimeProcess.ts
import { readConfig } from '../../lib/config.ts'
import { openDatabase, targetFromConfig } from '../../lib/db/client.ts'
import { closeOnSignals, startServer } from '../app.ts'

const config = readConfig()
const database = await openDatabase(targetFromConfig(config))
const running = await startServer({ config, database, web: false })
console.log(`listening ${running.port}`)

closeOnSignals(running)
