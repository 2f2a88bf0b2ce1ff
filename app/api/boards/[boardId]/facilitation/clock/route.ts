import { boardRoute } from '@/lib/http/boardRoute'

export const dynamic = 'force-dynamic'

/** The server's clock: browsers read the shared timer through their offset to it. */
export const GET = boardRoute('read', async () => Response.json({ now: Date.now() }, { headers: { 'cache-control': 'no-store' } }))
