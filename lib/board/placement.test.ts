import { describe, expect, test } from 'vitest'
import { freeSpotNear, nextToTheRight, stickyGap } from './placement.ts'

describe('placing stickies', () => {
  test('the next event goes to the right on the same row', () => {
    expect(nextToTheRight({ x: 100, y: 50, w: 160, h: 160 }, { w: 160, h: 160 })).toEqual({ x: 100 + 160 + stickyGap, y: 50, w: 160, h: 160 })
  })
  test('a new sticky lands centred on the point when the spot is free', () => {
    expect(freeSpotNear({ x: 500, y: 500 }, { w: 100, h: 100 }, [])).toEqual({ x: 450, y: 450, w: 100, h: 100 })
  })
  test('pressing the same key again lays the next sticky beside the last, not on it', () => {
    const first = freeSpotNear({ x: 500, y: 500 }, { w: 100, h: 100 }, [])
    const second = freeSpotNear({ x: 500, y: 500 }, { w: 100, h: 100 }, [first])
    const third = freeSpotNear({ x: 500, y: 500 }, { w: 100, h: 100 }, [first, second])
    expect(second.x).toBe(first.x + 100 + stickyGap)
    expect(third.x).toBe(second.x + 100 + stickyGap)
    expect(new Set([first.y, second.y, third.y]).size).toBe(1)
  })
})
