import { describe, expect, test } from 'vitest'
import { nearestStep, pauseBetween, pauseBounds, stepAuthor, stepSummary } from './playback.ts'

const at = (seconds: number) => ({ at: new Date(Date.UTC(2026, 10, 23, 10, 0, seconds)).toISOString() })
const noChanges = { counts: { added: 0, edited: 0, moved: 0, removed: 0 }, shapes: [] }

describe('playing a replay', () => {
  test('waits for the time that passed in the workshop, divided by the speed', () => {
    expect(pauseBetween(at(0), at(10), 10)).toBe(1000)
    expect(pauseBetween(at(0), at(60), 60)).toBe(1000)
  })

  test('never stalls on a long break, and never flashes past a step', () => {
    expect(pauseBetween(at(0), at(3600), 10)).toBe(pauseBounds.maxMs)
    expect(pauseBetween(at(0), at(0), 600)).toBe(pauseBounds.minMs)
  })

  test('finds the step nearest a moment, when the timeline was read again', () => {
    expect(nearestStep([at(0), at(10), at(20)], at(12).at)).toBe(1)
    expect(nearestStep([at(0), at(10), at(20)], at(99).at)).toBe(2)
  })

  test('names who made a step, or what it is when nobody did', () => {
    expect(stepAuthor({ author: { role: 'participant', name: 'Alice' }, label: '' })).toBe('Alice (participant)')
    expect(stepAuthor({ author: { role: 'facilitator', name: null }, label: '' })).toBe('A facilitator')
    expect(stepAuthor({ author: null, label: 'Autosave' })).toBe('Autosave')
  })

  test('sums up what a step did', () => {
    expect(stepSummary({ changes: { ...noChanges, counts: { added: 3, edited: 0, moved: 1, removed: 0 } } })).toBe('added 3, moved 1')
    expect(stepSummary({ changes: noChanges })).toBe('no visible change')
  })
})
