import type { ContractModel, ExportProblem } from './contractModel.ts'
import { exampleEventBridgeEvent } from './eventEnvelope.ts'
import { eventJson } from './exportFiles.ts'
import { eventBridgeSchema, maxSchemaContent } from './formats/eventBridge.ts'

/**
 * What a bus or registry would refuse, found before anyone loads it: an
 * example event past the payload budget (EventBridge took 256 KB for years
 * and 1 MB since 2026; a setting), a schema past `CreateSchema`'s 100,000
 * characters. It measures the very texts the EventBridge export writes, so
 * an export made from these contracts serialises them only once.
 */
export function budgetProblems(contracts: ContractModel, payloadBudgetBytes: number): ExportProblem[] {
  const problems: ExportProblem[] = []
  for (const context of contracts.contexts) {
    for (const event of context.events) {
      const elementIds = [event.elementId]
      const bytes = Buffer.byteLength(eventJson(event, exampleEventBridgeEvent, context))
      if (bytes > payloadBudgetBytes) {
        problems.push({
          rule: 'over-payload-budget',
          severity: 'error',
          message: `An example ${event.schemaName} event is ${kib(bytes)}, over the payload budget of ${kib(payloadBudgetBytes)}.`,
          elementIds,
        })
      }
      const content = eventJson(event, eventBridgeSchema, context)
      if (content.length > maxSchemaContent) {
        problems.push({
          rule: 'over-schema-size',
          severity: 'error',
          message: `The schema of ${event.schemaName} is ${content.length.toLocaleString('en')} characters; a registry takes at most ${maxSchemaContent.toLocaleString('en')}.`,
          elementIds,
        })
      }
    }
  }
  return problems
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
