import type { TLDocument } from '@tldraw/tlschema'

/** How far the workshop has gone: some model checks apply only at design level. */
export const workshopLevels = ['big-picture', 'process', 'design'] as const
export type WorkshopLevel = (typeof workshopLevels)[number]

export const workshopLevelLabels: Record<WorkshopLevel, string> = { 'big-picture': 'Big picture', process: 'Process level', design: 'Design level' }

export function isWorkshopLevel(value: unknown): value is WorkshopLevel {
  return typeof value === 'string' && (workshopLevels as readonly string[]).includes(value)
}

/** The level lives in the tldraw document record's meta, so it syncs like everything else. */
export function workshopLevelOf(document: Pick<TLDocument, 'meta'> | undefined): WorkshopLevel {
  const level = document?.meta.workshopLevel
  return isWorkshopLevel(level) ? level : 'big-picture'
}
