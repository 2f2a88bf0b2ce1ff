import { type ElementKind, elementKinds } from '../board/elementKinds.ts'
import { type StructureKind, structureKinds } from '../board/structureKinds.ts'
import type { WorkshopLevel } from '../board/workshopLevel.ts'

/**
 * The phases of an EventStorming workshop, in the order a facilitator runs
 * them (Brandolini's Big Picture, then process and design level). Each says
 * what to do in one line and which elements the palette offers for it.
 */
export const phaseIds = [
  'chaotic-exploration',
  'enforcing-the-timeline',
  'people-and-systems',
  'problems-and-opportunities',
  'pivotal-events-and-contexts',
  'process-level',
  'design-level',
] as const

export type PhaseId = (typeof phaseIds)[number]

export interface Phase {
  id: PhaseId
  label: string
  /** The workshop level it belongs to: the model's checks follow it. */
  level: WorkshopLevel
  /** What everyone does now, in one line. */
  hint: string
  /** The stickies the palette offers (and their keys place). */
  kinds: readonly ElementKind[]
  structures: readonly StructureKind[]
}

const define = (phase: Phase): Phase => phase

export const phases: Record<PhaseId, Phase> = {
  'chaotic-exploration': define({
    id: 'chaotic-exploration',
    label: 'Chaotic exploration',
    level: 'big-picture',
    hint: 'Everyone writes the domain events they know, in the past tense, anywhere on the board. No order yet.',
    kinds: ['event'],
    structures: [],
  }),
  'enforcing-the-timeline': define({
    id: 'enforcing-the-timeline',
    label: 'Enforcing the timeline',
    level: 'big-picture',
    hint: 'Put the events in the order they happen, left to right; merge duplicates and mark what is unclear with a hotspot.',
    kinds: ['event', 'hotspot'],
    structures: ['lane', 'boundary', 'label'],
  }),
  'people-and-systems': define({
    id: 'people-and-systems',
    label: 'People and systems',
    level: 'big-picture',
    hint: 'Add who makes each event happen and the external systems involved.',
    kinds: ['event', 'actor', 'externalSystem', 'hotspot'],
    structures: ['lane', 'label'],
  }),
  'problems-and-opportunities': define({
    id: 'problems-and-opportunities',
    label: 'Problems and opportunities',
    level: 'big-picture',
    hint: 'Mark every problem with a hotspot and every idea with an opportunity; then vote on the ones that matter most.',
    kinds: ['hotspot', 'opportunity'],
    structures: [],
  }),
  'pivotal-events-and-contexts': define({
    id: 'pivotal-events-and-contexts',
    label: 'Pivotal events and bounded contexts',
    level: 'big-picture',
    hint: 'Pick the few events where the story changes hands, and draw the bounded contexts between them.',
    kinds: ['event', 'glossary'],
    structures: ['context', 'boundary', 'label'],
  }),
  'process-level': define({
    id: 'process-level',
    label: 'Process level',
    level: 'process',
    hint: 'Tell each flow as actor → command → system → event → policy, with the read models people decide on.',
    kinds: ['event', 'command', 'actor', 'policy', 'readModel', 'externalSystem', 'hotspot'],
    structures: ['context', 'lane', 'boundary', 'label'],
  }),
  'design-level': define({
    id: 'design-level',
    label: 'Design level',
    level: 'design',
    hint: 'Find the aggregates that take the commands and keep the rules, and give every event its fields.',
    kinds: elementKinds,
    structures: structureKinds,
  }),
}

export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && (phaseIds as readonly string[]).includes(value)
}

/** The phase after this one; the last stays last. */
export function nextPhase(current: PhaseId | null): PhaseId {
  if (current === null) return phaseIds[0]
  return phaseIds[Math.min(phaseIds.indexOf(current) + 1, phaseIds.length - 1)]!
}

/** Where the workshop is: no phase yet (everything offered), or a phase whose palette the facilitator may open up to everything. */
export interface PhaseState {
  phase: PhaseId | null
  /** Every element on offer whatever the phase. */
  paletteOpen: boolean
}

export const noPhase: PhaseState = { phase: null, paletteOpen: false }

/** What the palette offers, and the keys place, in this state. */
export function offeredElements(state: PhaseState): { kinds: readonly ElementKind[]; structures: readonly StructureKind[] } {
  if (state.phase === null || state.paletteOpen) return { kinds: elementKinds, structures: structureKinds }
  const { kinds, structures } = phases[state.phase]
  return { kinds, structures }
}
