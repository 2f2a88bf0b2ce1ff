import { listVersions } from '@/lib/db/boardVersions'
import { versionRequest } from '@/lib/history/versionRequest'
import { restoreVersion, saveNamedVersion } from '@/lib/history/versions'
import { boardRoute } from '@/lib/http/boardRoute'
import { BadRequest, jsonError, readJsonBody } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** The board's versions, newest first. */
export const GET = boardRoute('facilitate', async ({ db, boardId }) => Response.json({ versions: await listVersions(db, boardId) }))

/** `{"label"}` keeps the board as it is now; `{"restore": id}` brings it back to that version, as a new change. */
export const POST = boardRoute('facilitate', async ({ db, boardId, actor, request }) => {
  const parsed = versionRequest.safeParse(await readJsonBody(request, 4 * 1024))
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => issue.message).join('; '))
  if ('label' in parsed.data) {
    const version = await saveNamedVersion(db, boardId, parsed.data.label, actor)
    return version ? Response.json({ version }, { status: 201 }) : jsonError(404, 'board not found')
  }
  const restored = await restoreVersion(db, boardId, parsed.data.restore, actor)
  return restored ? Response.json(restored) : jsonError(404, 'no such version of this board')
})
