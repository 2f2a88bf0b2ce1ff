import type { BoardActor } from '../boards/liveBoards.ts'
import type { Database } from '../db/client.ts'
import { recordAudit } from '../db/auditLog.ts'
import { BadRequest } from '../http/json.ts'
import type { ContractOptions } from './boardContracts.ts'
import { pendingExport, recordExport } from './contractExports.ts'
import type { ContractModel } from './contractModel.ts'
import type { PublishReport } from './publish/publishReport.ts'

/** Where contracts can go; each is off until the server's environment names it. */
export type PublishTarget = 'eventbridge' | 'confluent'

/** Which targets this server's environment enables (publishing is off by default). */
export function enabledTargets(env: Record<string, string | undefined> = process.env): PublishTarget[] {
  return [...(env.EVENTBRIDGE_PUBLISH === 'on' ? ['eventbridge' as const] : []), ...(env.CONFLUENT_URL ? ['confluent' as const] : [])]
}

/**
 * Publishes the board's contracts as the next export would hold them, and
 * records that export: what a registry received is what the next change
 * report compares with. A board whose export has errors is not published:
 * a registry must never receive a broken contract.
 */
export async function publishContracts<Result>(
  db: Database,
  boardId: string,
  options: ContractOptions,
  actor: BoardActor,
  target: PublishTarget,
  publish: (contracts: ContractModel) => Promise<PublishReport<Result>>,
): Promise<PublishReport<Result> | null> {
  if (!enabledTargets().includes(target)) throw new BadRequest(`publishing to ${target} is off on this server`, 404)
  const pending = await pendingExport(db, boardId, options)
  if (!pending) return null
  const errors = pending.contracts.problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0) throw new BadRequest(`the export has ${errors.length} error(s) to fix first: ${errors[0]!.message}`, 409)
  const report = await publish(pending.contracts)
  await recordExport(db, boardId, pending, actor)
  const failed = report.results.filter((result) => (result as { outcome?: string }).outcome === 'failed').length
  await recordAudit(db, {
    boardId,
    action: 'contracts.published',
    role: actor.rights.role,
    connectionId: actor.id,
    detail: { target, items: report.results.length, failed, stopped: report.stopped?.code ?? null },
  })
  return report
}
