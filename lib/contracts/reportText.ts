import type { ChangeReport } from './contractHistory.ts'
import type { ExportProblem } from './contractModel.ts'

/** A change report as a person reads it in a terminal or a README: a verdict, then each changed event with its changes. */
export function reportText(report: ChangeReport): string {
  const changed = report.events.filter((event) => event.status !== 'unchanged')
  if (report.previousExports === 0) return 'First export: no earlier contracts to compare with.\n'
  const verdict = report.compatible
    ? `Compatible under ${report.mode}: ${changed.length} event(s) changed, no consumer of the last export breaks.`
    : `Breaks ${report.mode}: ${report.events.filter((e) => !e.compatible).length} event(s) would break consumers of the last export.`
  const lines = [verdict, '']
  for (const event of changed) {
    const versions = event.from && event.to ? ` ${event.from} → ${event.to}` : event.from ? ` (was ${event.from})` : ''
    lines.push(`${event.compatible ? '  ' : '✗ '}${event.schemaName}: ${event.status}${versions}${event.previousName ? ` (was ${event.previousName})` : ''}`)
    const breaking = new Set(event.breaking.map((change) => change.message))
    for (const change of event.changes) lines.push(`    ${breaking.has(change.message) ? 'breaks:' : '-'} ${change.message}`)
    for (const change of event.breaking) if (!event.changes.some((c) => c.message === change.message)) lines.push(`    breaks (against an earlier export): ${change.message}`)
  }
  return `${lines.join('\n')}\n`
}

export function problemsText(problems: readonly ExportProblem[]): string {
  return problems.map((problem) => `${problem.severity}: ${problem.message}`).join('\n') + (problems.length > 0 ? '\n' : '')
}
