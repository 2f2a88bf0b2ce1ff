import { newBoardInput } from '@/lib/boards/boardInput'
import { boardFileLimits } from '@/lib/boardFile/boardFile'
import { importBoard } from '@/lib/boardFile/importBoard'
import { BoardFileError } from '@/lib/boardFile/readBoardFile'
import { createBoardAnswer } from '@/lib/http/boardCreation'
import { BadRequest, jsonError, readJsonBody } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** Body: a board file, ours or EventStormer's. `?name=` names the board instead of the file's name. */
export async function POST(request: Request) {
  try {
    return await createBoardAnswer(request, async (db) => {
      const name = nameOverride(new URL(request.url).searchParams.get('name'))
      return importBoard(db, await readJsonBody(request, boardFileLimits.bytes), name)
    })
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
