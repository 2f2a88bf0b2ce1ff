import type { ContractModel, ExportProblem } from './contractModel.ts'
import { eventBridgeExamples, eventBridgeManifest, maxSchemaContent } from './formats/eventBridge.ts'

/**
 * What a bus or registry would refuse, found before anyone loads it: an
 * example event past the payload budget (EventBridge took 256 KB for years
 * and 1 MB since 2026; a setting), a schema past `CreateSchema`'s 100,000
 * characters.
 */
export function budgetProblems(contracts: ContractModel, payloadBudgetBytes: number): ExportProblem[] {
  const examples = eventBridgeExamples(contracts)
  const elementOf = new Map(contracts.contexts.flatMap((c) => c.events.map((e) => [e.schemaName, e.elementId])))
  const problems: ExportProblem[] = []
  for (const { SchemaName, Content } of eventBridgeManifest(contracts).schemas) {
    const elementIds = [elementOf.get(SchemaName)!]
    const bytes = Buffer.byteLength(JSON.stringify(examples[SchemaName]))
    if (bytes > payloadBudgetBytes) {
      problems.push({
        rule: 'over-payload-budget',
        severity: 'error',
        message: `An example ${SchemaName} event is ${kib(bytes)}, over the payload budget of ${kib(payloadBudgetBytes)}.`,
        elementIds,
      })
    }
    if (Content.length > maxSchemaContent) {
      problems.push({
        rule: 'over-schema-size',
        severity: 'error',
        message: `The schema of ${SchemaName} is ${Content.length.toLocaleString('en')} characters; a registry takes at most ${maxSchemaContent.toLocaleString('en')}.`,
        elementIds,
      })
    }
  }
  return problems
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
