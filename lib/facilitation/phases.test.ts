import { describe, expect, test } from 'vitest'
import { elementKinds } from '../board/elementKinds.ts'
import { structureKinds } from '../board/structureKinds.ts'
import { nextPhase, noPhase, offeredElements, phaseIds, phases } from './phases.ts'

describe('workshop phases', () => {
  test('chaotic exploration offers domain events only, and nothing of the structure', () => {
    expect(offeredElements({ phase: 'chaotic-exploration', paletteOpen: false })).toEqual({ kinds: ['event'], structures: [] })
  })

  test('a facilitator opening the palette offers everything whatever the phase', () => {
    expect(offeredElements({ phase: 'chaotic-exploration', paletteOpen: true })).toEqual({ kinds: elementKinds, structures: structureKinds })
  })

  test('a board without a phase offers everything', () => {
    expect(offeredElements(noPhase)).toEqual({ kinds: elementKinds, structures: structureKinds })
  })

  test('problems and opportunities offers hotspots and opportunities; design level offers aggregates', () => {
    expect(offeredElements({ phase: 'problems-and-opportunities', paletteOpen: false }).kinds).toEqual(['hotspot', 'opportunity'])
    expect(offeredElements({ phase: 'design-level', paletteOpen: false }).kinds).toContain('aggregate')
    expect(offeredElements({ phase: 'process-level', paletteOpen: false }).kinds).not.toContain('aggregate')
  })

  test('the five Big Picture phases come first, then process and design level, each with a one-line hint', () => {
    expect(phaseIds.map((id) => phases[id].level)).toEqual(['big-picture', 'big-picture', 'big-picture', 'big-picture', 'big-picture', 'process', 'design'])
    for (const id of phaseIds) {
      expect(phases[id].id).toBe(id)
      expect(phases[id].hint).not.toContain('\n')
      expect(phases[id].kinds.length).toBeGreaterThan(0)
    }
  })

  test('the next phase follows the workshop order, starts at the first and stays at the last', () => {
    expect(nextPhase(null)).toBe('chaotic-exploration')
    expect(nextPhase('chaotic-exploration')).toBe('enforcing-the-timeline')
    expect(nextPhase('design-level')).toBe('design-level')
  })
})
