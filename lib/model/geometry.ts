/** Rectangles on the page, axis-aligned, in canvas units (y grows downwards). */
export interface Point {
  x: number
  y: number
}

export interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

export const rightOf = (b: Bounds): number => b.x + b.w
export const bottomOf = (b: Bounds): number => b.y + b.h
export const centreOf = (b: Bounds): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 })

export function contains(b: Bounds, p: Point): boolean {
  return p.x >= b.x && p.x <= rightOf(b) && p.y >= b.y && p.y <= bottomOf(b)
}

/** The smallest of the areas that contain the point: the innermost one when areas nest. */
export function innermost<T extends { bounds: Bounds }>(areas: readonly T[], point: Point): T | undefined {
  let found: T | undefined
  for (const area of areas) {
    if (contains(area.bounds, point) && (!found || area.bounds.w * area.bounds.h < found.bounds.w * found.bounds.h)) found = area
  }
  return found
}

/** The smallest rectangle around all of them; there must be at least one. */
export function union(all: readonly Bounds[]): Bounds {
  const x = Math.min(...all.map((b) => b.x))
  const y = Math.min(...all.map((b) => b.y))
  return { x, y, w: Math.max(...all.map(rightOf)) - x, h: Math.max(...all.map(bottomOf)) - y }
}

export function pad(b: Bounds, by: number): Bounds {
  return { x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by }
}

/** How much of the shorter rectangle's height the two share: 1 when one spans the other vertically, 0 when apart. */
export function verticalOverlap(a: Bounds, b: Bounds): number {
  const shared = Math.min(bottomOf(a), bottomOf(b)) - Math.max(a.y, b.y)
  return Math.max(0, shared) / Math.min(a.h, b.h)
}

/** The timeline reads left to right, by centre; stickies in one column read top to bottom. */
export function inTimelineOrder({ bounds: a }: { bounds: Bounds }, { bounds: b }: { bounds: Bounds }): number {
  // Centres without building them: sorting a big board compares often.
  return a.x + a.w / 2 - (b.x + b.w / 2) || a.y + a.h / 2 - (b.y + b.h / 2)
}
