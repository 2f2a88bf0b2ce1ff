import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { facilitationMap } from '../ydoc/layout.ts'
import { openRound } from './dotVoting.ts'
import { facilitationWrites, isLockedBoard, isLockedShape, noFacilitation, readFacilitation } from './facilitationState.ts'
import { startTimer } from './timer.ts'

describe('the facilitation state a board carries', () => {
  test('a board nobody facilitated yet reads as free: no phase, no timer, nothing locked, no vote', () => {
    expect(readFacilitation(new Y.Doc())).toEqual(noFacilitation)
  })

  test('what the server writes, every browser reads back', () => {
    const doc = new Y.Doc()
    const timer = startTimer(60_000, 1000)
    const vote = openRound('r', 3, ['shape:a'])
    doc.transact(() => {
      facilitationWrites.set(doc, 'phase', { phase: 'people-and-systems', paletteOpen: true })
      facilitationWrites.set(doc, 'timer', timer)
      facilitationWrites.set(doc, 'boardLocked', true)
      facilitationWrites.set(doc, 'vote', vote)
      facilitationWrites.lock(doc, ['shape:a', 'shape:b'], true)
      facilitationWrites.lock(doc, ['shape:b'], false)
    })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(readFacilitation(copy)).toEqual({
      phase: { phase: 'people-and-systems', paletteOpen: true },
      timer,
      boardLocked: true,
      vote,
      lockedShapes: new Set(['shape:a']),
    })
    expect([isLockedBoard(copy), isLockedShape(copy, 'shape:a'), isLockedShape(copy, 'shape:b')]).toEqual([true, true, false])
  })

  test('a value no reader understands (say, from a newer app) reads as its default instead of breaking the board', () => {
    const doc = new Y.Doc()
    facilitationMap(doc).set('phase', { phase: 'storm-harder', paletteOpen: 1 })
    facilitationMap(doc).set('timer', { status: 'running', endsAt: 'soon' })
    facilitationMap(doc).set('boardLocked', 'yes')
    expect(readFacilitation(doc)).toEqual(noFacilitation)
    expect(isLockedBoard(doc)).toBe(false)
  })

  test('the server refuses to write a value readers would not accept', () => {
    const doc = new Y.Doc()
    expect(() => facilitationWrites.set(doc, 'vote', { ...openRound('r', 3, ['not-a-shape']) })).toThrow()
  })

  test('reading whether something is locked never adds a root to the board', () => {
    const doc = new Y.Doc()
    isLockedBoard(doc)
    isLockedShape(doc, 'shape:a')
    expect([...doc.share.keys()]).toEqual([])
  })
})
