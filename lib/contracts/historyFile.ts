import { z } from 'zod'
import { type CompatibilityMode, compatibilityModes } from './compatibility.ts'
import type { ContractSnapshot } from './contractHistory.ts'
import { type ExportFile, indentedJsonText } from './exportFiles.ts'

/**
 * The contract history a bundle carries (`contract-history.json`): every
 * recorded export's contracts, oldest first, so a pipeline can check a board
 * against them with no server (`npm run contracts -- check`).
 */
export const historyFileName = 'contract-history.json'

const historySchema = z.object({
  format: z.literal('eventstorm-contract-history'),
  version: z.literal(1),
  mode: z.enum(compatibilityModes as [CompatibilityMode, ...CompatibilityMode[]]),
  exports: z
    .array(
      z.object({
        contracts: z.record(
          z.string().max(400),
          z.object({ elementId: z.string().max(64), version: z.string().regex(/^\d+\.\d+\.\d+/), schema: z.record(z.string(), z.unknown()) }),
        ),
      }),
    )
    .max(10_000),
})

export interface ContractHistory {
  mode: CompatibilityMode
  exports: ContractSnapshot[]
}

export function historyFile(history: ContractHistory): ExportFile {
  return {
    path: historyFileName,
    content: () => indentedJsonText({ format: 'eventstorm-contract-history', version: 1, mode: history.mode, exports: history.exports.map((contracts) => ({ contracts })) }),
  }
}

export class HistoryFileError extends Error {}

export function readHistoryFile(text: string): ContractHistory {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new HistoryFileError(`${historyFileName} is not JSON`)
  }
  const result = historySchema.safeParse(parsed)
  if (!result.success) throw new HistoryFileError(`${historyFileName} is not a contract history: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`)
  return { mode: result.data.mode, exports: result.data.exports.map((entry) => entry.contracts) }
}
