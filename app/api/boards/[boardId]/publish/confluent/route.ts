import { readConfig } from '@/lib/config'
import { confluentSubjectVersions } from '@/lib/contracts/formats/confluent'
import { confluentTargetFromEnv, publishToConfluent } from '@/lib/contracts/publish/confluentPublisher'
import { publishContracts } from '@/lib/contracts/publishing'
import { boardRoute } from '@/lib/http/boardRoute'
import { jsonError } from '@/lib/http/json'

export const dynamic = 'force-dynamic'

/** Registers every event's schema in the Confluent-style registry at CONFLUENT_URL (facilitators only; off when it is unset). */
export const POST = boardRoute('facilitate', async ({ db, boardId, actor }) => {
  const report = await publishContracts(db, boardId, readConfig(), actor, 'confluent', (contracts) =>
    publishToConfluent(confluentSubjectVersions(contracts), confluentTargetFromEnv()!),
  )
  return report ? Response.json(report, { status: report.stopped ? 502 : 200 }) : jsonError(404, 'board not found')
})
