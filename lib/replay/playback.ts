import { type Role, isRole, roleLabels } from '../auth/roles.ts'
import type { ShapeChangeKind } from './shapeChanges.ts'
import type { ReplayStep } from './timeline.ts'

/** How fast a replay plays: how many seconds of the workshop pass per second of replay. */
export const playbackSpeeds = [1, 10, 60, 600] as const

/** The shortest and longest pause between two steps while playing: long breaks do not stall the replay. */
export const pauseBounds = { minMs: 300, maxMs: 2000 }

/** How long playback stays on a step before showing the next, at a speed. */
export function pauseBetween(from: Pick<ReplayStep, 'at'>, to: Pick<ReplayStep, 'at'>, speed: number): number {
  const elapsed = Date.parse(to.at) - Date.parse(from.at)
  return Math.min(pauseBounds.maxMs, Math.max(pauseBounds.minMs, elapsed / speed))
}

/** The step nearest a moment: where a replay goes back to when its timeline was read again. */
export function nearestStep(steps: readonly Pick<ReplayStep, 'at'>[], at: string): number {
  const target = Date.parse(at)
  let best = 0
  for (const [i, step] of steps.entries()) if (Math.abs(Date.parse(step.at) - target) < Math.abs(Date.parse(steps[best]!.at) - target)) best = i
  return best
}

const verbs: Record<ShapeChangeKind, string> = { added: 'added', edited: 'edited', moved: 'moved', removed: 'removed' }

/** Who made a step, for people: "Alice (participant)", or what the step is when nobody did. */
export function stepAuthor(step: Pick<ReplayStep, 'author' | 'label'>): string {
  if (!step.author) return step.label || 'The server'
  const role = isRole(step.author.role) ? roleLabels[step.author.role as Role].toLowerCase() : step.author.role
  return step.author.name ? `${step.author.name} (${role})` : `A ${role}`
}

/** What a step did, in a few words: "added 3, moved 1". */
export function stepSummary(step: Pick<ReplayStep, 'changes'>): string {
  const parts = (Object.keys(verbs) as ShapeChangeKind[]).filter((kind) => step.changes.counts[kind] > 0).map((kind) => `${verbs[kind]} ${step.changes.counts[kind]}`)
  return parts.join(', ') || 'no visible change'
}
