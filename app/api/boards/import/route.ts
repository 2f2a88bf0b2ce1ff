import { newBoardInput } from '@/lib/boards/boardInput'
import { boardJson } from '@/lib/boards/boardJson'
import { boardFileLimits } from '@/lib/boardFile/boardFile'
import { importBoard } from '@/lib/boardFile/importBoard'
import { BoardFileError } from '@/lib/boardFile/readBoardFile'
import { getDatabase } from '@/lib/db/client'
import { BadRequest, jsonError, readJsonBody } from '@/lib/http/json'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

/** Body: a board file, ours or EventStormer's. `?name=` names the board instead of the file's name. */
export async function POST(request: Request) {
  try {
    const name = nameOverride(new URL(request.url).searchParams.get('name'))
    const upload = await readJsonBody(request, boardFileLimits.bytes)
    const board = await importBoard(await getDatabase(), upload, name)
    return Response.json(boardJson(board, requestOrigin(request)), { status: 201 })
  } catch (error) {
    if (error instanceof BadRequest || error instanceof BoardFileError) return jsonError(error.status, error.message)
    throw error
  }
}

function nameOverride(name: string | null): string | undefined {
  if (name === null) return undefined
  const parsed = newBoardInput.shape.name.safeParse(name)
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => issue.message).join('; '))
  return parsed.data
}
