/**
 * A replay step names a moment of the stored history the server can rebuild:
 * `v<id>` a kept version, `s<ms>` the compacted snapshot as written at that
 * time, `e<id>` the snapshot plus the update log up to that row.
 */
export type StepRef = { source: 'version'; versionId: string } | { source: 'snapshot'; writtenAt: number } | { source: 'edits'; lastRow: bigint }

const pattern = /^([ves])([0-9]{1,18})$/

export function parseStepId(id: string): StepRef | null {
  const match = pattern.exec(id)
  if (!match) return null
  const [, source, number] = match as unknown as [string, 'v' | 'e' | 's', string]
  if (source === 'v') return { source: 'version', versionId: number }
  if (source === 's') return { source: 'snapshot', writtenAt: Number(number) }
  return { source: 'edits', lastRow: BigInt(number) }
}

export function stepId(ref: StepRef): string {
  if (ref.source === 'version') return `v${ref.versionId}`
  if (ref.source === 'snapshot') return `s${ref.writtenAt}`
  return `e${ref.lastRow}`
}
