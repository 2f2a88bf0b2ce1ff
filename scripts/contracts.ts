// `npm run contracts -- export|check …`: the board's contracts from a board file, with no server.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runContractsCli } from '../lib/contracts/contractsCli.ts'
import { fileText, isSafePath } from '../lib/contracts/exportFiles.ts'

process.exitCode = runContractsCli(process.argv.slice(2), {
  readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  writeFiles: (folder, files) => {
    for (const file of files) {
      if (!isSafePath(file.path)) throw new Error(`refusing to write outside ${folder}: ${file.path}`)
      const path = join(folder, file.path)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, fileText(file))
    }
  },
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
