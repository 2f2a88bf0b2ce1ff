import type { ContractModel } from './contractModel.ts'
import { type FormatId, exportFormats, formatText } from './formats.ts'
import type { ExportFormat } from './formats.ts'

/** The HTTP answer of one export format: its JSON or text, named for download by board and format. */
export function exportAnswer(id: FormatId, contracts: ContractModel): Response {
  const format: ExportFormat = exportFormats[id]
  const name = `${contracts.board.slug}-${id}`
  switch (format.answer.type) {
    case 'json':
      return answer(formatText(format, contracts), 'application/json', `${name}.json`)
    case 'text':
      return answer(format.answer.text(contracts), format.answer.mediaType, `${name}.${format.answer.extension}`)
    case 'zip':
      throw new Error('zip answers are not wired yet')
  }
}

function answer(body: string | Uint8Array, mediaType: string, fileName: string): Response {
  // `inline` so the dialog can preview it; the file name is what a download is saved as.
  return new Response(body as BodyInit, { headers: { 'content-type': `${mediaType}; charset=utf-8`, 'content-disposition': `inline; filename="${fileName}"` } })
}
