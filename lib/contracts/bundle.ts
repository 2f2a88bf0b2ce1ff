import { strToU8, zipSync } from 'fflate'
import type { ContractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import { type ExportFormat, exportFormats, formatIds } from './formats.ts'
import { problemsText } from './reportText.ts'

/** Every format's files, and a README that says what each is. */
export function bundleFiles(contracts: ContractModel): ExportFile[] {
  const formats = formatIds.map((id) => exportFormats[id] as ExportFormat)
  const readme = [
    `# Contracts of ${contracts.board.name}`,
    '',
    ...formats.map((format) => `- **${format.title}**: ${format.description}`),
    '',
    '## Problems',
    '',
    problemsText(contracts.problems) || 'None.',
  ].join('\n')
  return [{ path: 'README.md', content: `${readme}\n` }, ...formats.flatMap((format) => format.files(contracts))]
}

/** A zip that is the same bytes for the same files: fixed times, sorted paths. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1))
  return zipSync(Object.fromEntries(sorted.map((file) => [file.path, [strToU8(file.content), { mtime: new Date('1980-01-01T00:00:00Z') }]])))
}

export const bundleZip = (contracts: ContractModel, extra: readonly ExportFile[] = []) => zipFiles([...bundleFiles(contracts), ...extra])
