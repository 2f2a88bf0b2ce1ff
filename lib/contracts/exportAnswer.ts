import { bundleZip, zipFiles } from './bundle.ts'
import type { ContractModel } from './contractModel.ts'
import type { ExportFile } from './exportFiles.ts'
import { type ExportFormat, type FormatId, exportFormats, formatText, isFormatId } from './formats.ts'

/** What `GET /api/boards/<id>/export/<name>` serves: every format, and `bundle`, the zip of them all. */
export type ExportName = FormatId | 'bundle'
export const isExportName = (name: string): name is ExportName => name === 'bundle' || isFormatId(name)

/**
 * The HTTP answer of one export: JSON, text or a zip, named for download by
 * board and format. `history` is the board's contract history file, which
 * only the bundle carries.
 */
export function exportAnswer(name: ExportName, contracts: ContractModel, history: ExportFile): Response {
  const fileName = `${contracts.board.slug}-${name}`
  if (name === 'bundle') return answer(bundleZip(contracts, [history]), 'application/zip', `${fileName}.zip`)
  const format: ExportFormat = exportFormats[name]
  switch (format.answer.type) {
    case 'json':
      return answer(formatText(format, contracts), 'application/json; charset=utf-8', `${fileName}.json`)
    case 'text':
      return answer(format.answer.text(contracts), `${format.answer.mediaType}; charset=utf-8`, `${fileName}.${format.answer.extension}`)
    case 'zip':
      return answer(zipFiles(format.files(contracts)), 'application/zip', `${fileName}.zip`)
  }
}

function answer(body: string | Uint8Array, contentType: string, fileName: string): Response {
  // `inline` so the dialog can preview it; the file name is what a download is saved as.
  return new Response(body as BodyInit, { headers: { 'content-type': contentType, 'content-disposition': `inline; filename="${fileName}"` } })
}
