import type { ContractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import { type ExportFormat, type FormatId, exportFormats, formatText } from './formats.ts'
import { zipFiles } from './zip.ts'

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
      return answer(zipFiles([...format.files(contracts), ...(name === 'bundle' ? [history] : [])]), 'application/zip', `${fileName}.zip`)
  }
}

function answer(body: string | Uint8Array, contentType: string, fileName: string): Response {
  // `inline` so the dialog can preview it; the file name is what a download is saved as.
  return new Response(body as BodyInit, { headers: { 'content-type': contentType, 'content-disposition': `inline; filename="${fileName}"` } })
}
