import { readBoardFile } from '../boardFile/readBoardFile.ts'
import { contentToRecords } from '../boardFile/contentToRecords.ts'
import { readConfig } from '../config.ts'
import { buildBoardModel } from '../model/boardModel.ts'
import { boardContracts } from './boardContracts.ts'
import { exportFormats } from './formats.ts'
import { type CompatibilityMode, compatibilityModes } from './compatibility.ts'
import { compareWithHistory, snapshotOf } from './contractHistory.ts'
import type { ContractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import { type ContractHistory, historyFile, historyFileName, readHistoryFile } from './historyFile.ts'
import { problemsText, reportText } from './reportText.ts'

/** What the command line touches: files under a folder and two output streams. Tests give it a folder of their own. */
export interface CliIo {
  readText(path: string): string | undefined
  writeFiles(folder: string, files: ExportFile[]): void
  out(text: string): void
  err(text: string): void
}

export const usage = `Usage:
  npm run contracts -- export <board file> --out <dir> [--mode <mode>]
      writes every export format of the board (ours or EventStormer's) into <dir>,
      versioned by the contract history already there
  npm run contracts -- check <board file> --against <dir> [--mode <mode>]
      exits 1 when the board breaks the contracts exported into <dir>
  <mode>: ${compatibilityModes.join(', ')} (default: the history's, else BACKWARD)
Exit codes: 0 done or compatible, 1 incompatible, 2 usage or unreadable input.
`

class UsageError extends Error {}

/** Runs `export` or `check`; answers the process's exit code. */
export function runContractsCli(args: readonly string[], io: CliIo): number {
  try {
    const [command, boardPath, ...options] = args
    if (command !== 'export' && command !== 'check') throw new UsageError(command ? `unknown command ${command}` : 'no command')
    if (!boardPath) throw new UsageError('no board file')
    const folder = option(options, command === 'export' ? '--out' : '--against')
    if (!folder) throw new UsageError(`${command} needs ${command === 'export' ? '--out' : '--against'} <dir>`)
    const contracts = readBoard(boardPath, io)
    const historyText = io.readText(`${folder}/${historyFileName}`)
    const history: ContractHistory | undefined = historyText === undefined ? undefined : readHistoryFile(historyText)
    if (command === 'check' && !history) throw new UsageError(`${folder} holds no ${historyFileName}: export into it first`)
    const mode = modeOption(options) ?? history?.mode ?? 'BACKWARD'
    const { contracts: versioned, report } = compareWithHistory(history?.exports ?? [], contracts, mode)
    if (command === 'check') {
      io.out(reportText(report))
      return report.compatible ? 0 : 1
    }
    const changed = !history || report.events.some((event) => event.status !== 'unchanged')
    const exports = [...(history?.exports ?? []), ...(changed ? [snapshotOf(versioned)] : [])]
    io.writeFiles(folder, [...exportFormats.bundle.files(versioned), historyFile({ mode, exports })])
    io.err(problemsText(versioned.problems))
    io.out(reportText(report))
    io.out(`Wrote the contracts of ${versioned.contexts.flatMap((c) => c.events).length} events in ${versioned.contexts.length} contexts to ${folder}\n`)
    return 0
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${error instanceof UsageError ? usage : ''}`)
    return 2
  }
}

function readBoard(path: string, io: CliIo): ContractModel {
  const text = io.readText(path)
  if (text === undefined) throw new UsageError(`cannot read ${path}`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${path} is not JSON`)
  }
  const content = readBoardFile(json)
  // Through records, as the server reads a board, so both export the same contracts.
  return boardContracts(buildBoardModel(contentToRecords(content)), content.name, readConfig())
}

const option = (options: readonly string[], name: string) => {
  const at = options.indexOf(name)
  return at === -1 ? undefined : options[at + 1]
}

function modeOption(options: readonly string[]): CompatibilityMode | undefined {
  const mode = option(options, '--mode')
  if (mode === undefined) return undefined
  if (!compatibilityModes.includes(mode as CompatibilityMode)) throw new UsageError(`unknown mode ${mode}`)
  return mode as CompatibilityMode
}
