import { boardLink } from '@/lib/auth/boardLinks'
import { linkKey } from '@/lib/auth/linkKey'
import { linkGenerations } from '@/lib/db/boardLinks'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'
import { requestOrigin } from '@/lib/http/origin'

export const dynamic = 'force-dynamic'

/** The links a facilitator hands out. The facilitator's own link is never shown again after the board was created. */
export const GET = boardRoute('facilitate', async ({ db, boardId, request }) => {
  const generations = await linkGenerations(db, boardId)
  if (!generations) return jsonError(404, 'board not found')
  const link = (role: 'participant' | 'viewer') => boardLink(linkKey(), requestOrigin(request), boardId, role, generations[role])
  return Response.json({ links: { participant: link('participant'), viewer: link('viewer') } })
})
