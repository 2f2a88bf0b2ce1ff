import { readConfig } from '@/lib/config'
import { eventBridgeManifest } from '@/lib/contracts/formats/eventBridge'
import { publishToEventBridge } from '@/lib/contracts/publish/eventBridgePublisher'
import { publishContracts } from '@/lib/contracts/publishing'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** Creates or updates the board's registries and schemas in EventBridge (facilitators only; off unless EVENTBRIDGE_PUBLISH=on). */
export const POST = boardRoute('facilitate', async ({ db, boardId, actor }) => {
  const report = await publishContracts(db, boardId, readConfig(), actor, 'eventbridge', (contracts) => publishToEventBridge(eventBridgeManifest(contracts)))
  return report ? Response.json(report, { status: report.stopped ? 502 : 200 }) : jsonError(404, 'board not found')
})
