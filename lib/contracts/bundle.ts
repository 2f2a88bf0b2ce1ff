import type { ContractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import type { ExportFormat } from './formats.ts'
import { createSchemaCommands, eventBridgeManifest } from './formats/eventBridge.ts'
import { codeBlock, markdownText } from './markdown.ts'

/**
 * Everything at once: the files of every other format, each under the folder
 * or name it has on its own (EventCatalog's catalog as eventcatalog/), and a
 * README.md that says what each is and how to load it, lists the commands
 * that load the schemas into EventBridge, and the problems of the export.
 */

/** Where a format's files sit at the top of the bundle: its folders (with a `/`) and files, in order. */
const topLevel = (files: readonly ExportFile[]) => [...new Set(files.map((file) => (file.path.includes('/') ? `${file.path.split('/')[0]}/` : file.path)))]

function readme(parts: readonly { format: ExportFormat; files: ExportFile[] }[], contracts: ContractModel): string {
  const board = markdownText(contracts.board.name) || 'an unnamed board'
  const commands = createSchemaCommands(eventBridgeManifest(contracts), 'eventbridge/schemas')
  return [
    `# Event contracts of ${board}`,
    '',
    `Exported from the EventStorming board ${board}. Every file here is made from the board: change the board and export again rather than edit them. Two exports of an unchanged board are byte-identical.`,
    '',
    '## What is here',
    ...parts.flatMap(({ format, files }) => [
      '',
      `### ${format.title}: ${topLevel(files)
        .map((path) => `\`${path}\``)
        .join(', ') || 'no files for this board'}`,
      '',
      format.description,
      ...(format.howToLoad ? ['', format.howToLoad] : []),
    ]),
    '',
    '## Loading the schemas into Amazon EventBridge',
    '',
    ...(commands.length > 0
      ? ['From the folder of this README, with AWS credentials for the target account and region (or run `sh eventbridge/create-schemas.sh`, which runs the same):', '', codeBlock(commands.join('\n'), 'sh')]
      : ['The board has no domain events yet: there is no schema to load.']),
    '',
    '## Contract history: `contract-history.json`',
    '',
    'The contract of every event as each recorded export held it. Check a board against it in a pipeline: `npm run contracts -- check board.eventstorm.json --against <this folder> --mode BACKWARD` exits 1 with a report when the board breaks these contracts.',
    '',
    '## Problems met in the export',
    '',
    ...(contracts.problems.length > 0 ? contracts.problems.map((problem) => `- **${problem.severity}** (${problem.rule}): ${markdownText(problem.message)}`) : ['None.']),
    '',
  ].join('\n')
}

export function bundleFiles(formats: Readonly<Record<string, ExportFormat>>, contracts: ContractModel): ExportFile[] {
  const parts = Object.values(formats).map((format) => ({ format, files: format.files(contracts) }))
  return [{ path: 'README.md', content: () => readme(parts, contracts) }, ...parts.flatMap((part) => part.files)]
}

/** The bundle as an export format of its own, made of `formats`, which must not include it. */
export const bundleFormat = (formats: Readonly<Record<string, ExportFormat>>): ExportFormat => ({
  title: 'Everything, in one zip',
  description: 'The files of every format, each in its own folder or file, and this README.',
  answer: { type: 'zip' },
  files: (contracts) => bundleFiles(formats, contracts),
})
