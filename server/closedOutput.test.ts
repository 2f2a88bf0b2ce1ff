import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const server = `
  import { surviveClosedOutput } from './server/closedOutput.ts'
  surviveClosedOutput()
  // As Next.js's server does in the same process:
  process.on('uncaughtException', (error) => console.error('uncaughtException:', error))
  setInterval(() => console.log('serving'), 5)
  process.on('message', () => process.send({ cpu: process.cpuUsage() }))
`

/** CPU the process uses in the second after whatever read its output went away. */
async function cpuAfterOutputCloses(): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', server], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  try {
    await once(child.stdout!, 'data')
    child.stdout!.destroy()
    child.stderr!.destroy()
    const cpu = async () => {
      child.send('cpu')
      const [{ cpu }] = (await once(child, 'message')) as [{ cpu: NodeJS.CpuUsage }]
      return (cpu.user + cpu.system) / 1000
    }
    const before = await cpu()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(child.exitCode).toBeNull()
    return (await cpu()) - before
  } finally {
    child.kill()
  }
}

test('a server whose output nobody reads any more keeps running, and does not spin logging that it cannot log', async () => {
  // Spinning takes the whole second (measured: 740 ms on a loaded machine); idle, a few ms.
  expect(await cpuAfterOutputCloses()).toBeLessThan(300)
}, 30_000)
