/** Where new stickies go, so a flow can be stormed from the keyboard. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export const stickyGap = 40

/** The next event to the right of a sticky, on the same row (top-aligned). */
export function nextToTheRight(from: Box, size: { w: number; h: number }): Box {
  return { x: from.x + from.w + stickyGap, y: from.y, ...size }
}

/**
 * A free spot for a new sticky: centred on the point, moved right past any
 * sticky it would cover, so repeated presses lay stickies side by side.
 */
export function freeSpotNear(point: { x: number; y: number }, size: { w: number; h: number }, taken: Box[]): Box {
  const box = { x: point.x - size.w / 2, y: point.y - size.h / 2, ...size }
  for (let tries = 0; tries < 200; tries++) {
    const blocker = taken.find((t) => overlaps(t, box))
    if (!blocker) return box
    box.x = blocker.x + blocker.w + stickyGap
  }
  return box
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
