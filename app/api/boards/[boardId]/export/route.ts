import { boardFileName } from '@/lib/boardFile/boardFile'
import { exportBoard } from '@/lib/boardFile/exportBoard'
import { boardGet } from '@/lib/http/boardRoute'

export const dynamic = 'force-dynamic'

export const GET = boardGet(exportBoard, (file) =>
  Response.json(file, { headers: { 'content-disposition': `attachment; filename="${boardFileName(file.name)}"` } }),
)
