import type { ContractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import { type ExportFormat, type FormatId, exportFormats, formatText } from './formats.ts'
import { zipParts } from './zip.ts'

/**
 * The HTTP answer of one export: JSON, text or a zip, named for download by
 * board and format. `history` is the board's contract history file, which
 * only the bundle carries.
 */
export function exportAnswer(name: FormatId, contracts: ContractModel, history: ExportFile): Response {
  const fileName = `${contracts.board.slug}-${name}`
  const format: ExportFormat = exportFormats[name]
  switch (format.answer.type) {
    case 'json':
      return answer(formatText(format, contracts), 'application/json; charset=utf-8', `${fileName}.json`)
    case 'text':
      return answer(format.answer.text(contracts), `${format.answer.mediaType}; charset=utf-8`, `${fileName}.${format.answer.extension}`)
    case 'zip':
      return answer(zipBody(zipParts([...format.files(contracts), ...(name === 'bundle' ? [history] : [])])), 'application/zip', `${fileName}.zip`)
  }
}

/** The zip's parts sent one after another, never joined: a big bundle is tens of megabytes. */
function zipBody(parts: readonly Uint8Array[]): { stream: ReadableStream<Uint8Array>; length: number } {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part)
      controller.close()
    },
  })
  return { stream, length: parts.reduce((n, part) => n + part.byteLength, 0) }
}

function answer(body: string | { stream: ReadableStream<Uint8Array>; length: number }, contentType: string, fileName: string): Response {
  // `inline` so the dialog can preview it; the file name is what a download is saved as.
  const headers: Record<string, string> = { 'content-type': contentType, 'content-disposition': `inline; filename="${fileName}"` }
  if (typeof body === 'string') return new Response(body, { headers })
  return new Response(body.stream, { headers: { ...headers, 'content-length': String(body.length) } })
}
