import type { ContractContext, ContractEvent, ContractModel } from './contractModel.ts'
import { type SharedParts, asTexts } from './eventEnvelope.ts'
import { jsonPieces, jsonText } from './jsonText.ts'
import { perEvent } from './perEvent.ts'

/**
 * One file of an export: where it goes in a bundle, and its text, made when
 * asked for. A big workshop's bundle is thousands of files and tens of
 * megabytes; made one at a time as they are written, no file's text outlives
 * its writing (holding them all is what made the export slow: the garbage
 * collector copied them over and over).
 */
export interface ExportFile {
  path: string
  /**
   * Its text, but for the final newline `finalNewline` stands for: write it
   * with `fileText`. A large file's text may come in pieces, written one
   * after another: a string of megabytes costs its size again when V8
   * copies it into one piece to write it, in fresh memory.
   */
  content: () => string | readonly string[]
  /**
   * A newline ends the file after `content`. JSON files hold most of a big
   * export's tens of megabytes: a newline appended to each text would make
   * V8 copy every one once more when it is written, so writers add it apart.
   */
  finalNewline?: true
}

/** A file's whole text, as written. */
export function fileText(file: ExportFile): string {
  const content = file.content()
  const text = typeof content === 'string' ? content : content.join('')
  return file.finalNewline ? `${text}\n` : text
}

/**
 * A JSON file as the exports hold them: compact, on one line with a final
 * newline. Registries, generators and catalogs read these files; compact,
 * the bundle of a thousand-event board is a third smaller and faster to make.
 */
export const jsonFile = (path: string, text: ExportFile['content']): ExportFile => ({ path, content: text, finalNewline: true })

/** JSON that people read as it is (the dialog's previews, the contexts and the contract history), indented by two spaces. */
export const indentedJsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** Makes one document of an event (its schema in one format, an example), holding what it shares with other formats as `parts` gives it. */
export type EventDocument = (event: ContractEvent, context: ContractContext, parts?: SharedParts) => unknown

/** The compact JSON of an event's document, its shared parts spliced in as text. */
const eventDocumentText = (event: ContractEvent, make: EventDocument, context: ContractContext) => jsonText(make(event, context, asTexts))

/**
 * The same, made once per event and document: an export writes some
 * (EventBridge's schemas and examples) into files, a manifest and the budget
 * check alike.
 */
export const eventJson = perEvent(eventDocumentText)

/** A JSON file per key under `folder`, each document written out when its file is. */
export const jsonFiles = (folder: string, documents: Record<string, unknown>): ExportFile[] =>
  Object.entries(documents).map(([key, document]) => jsonFile(`${folder}/${key}.json`, () => jsonPieces(document)))

/** A JSON file per domain event under `folder`, named by schema name unless `key` says otherwise, each document made when its file is written. */
export const eventJsonFiles = (folder: string, contracts: ContractModel, make: EventDocument, key = (event: ContractEvent) => event.schemaName): ExportFile[] =>
  contracts.contexts.flatMap((context) => context.events.map((event) => jsonFile(`${folder}/${key(event)}.json`, () => eventDocumentText(event, make, context))))

/**
 * Whether a path stays inside the folder it is written to: relative, no `..`
 * or empty segment, no backslash. Paths are made from names people typed, so
 * whatever writes them (the zip, the command line) checks.
 */
export const isSafePath = (path: string) => path.length > 0 && !path.includes('\\') && !unsafeSegment.test(path)

/** An empty, `.` or `..` segment (a leading `/` starts with an empty one): tested at once rather than splitting each of a bundle's thousands of paths. */
const unsafeSegment = /(?:^|\/)\.{0,2}(?:\/|$)/
