import { elementKinds } from '../../lib/board/elementKinds'

/** A board file of `count` stickies in rows, as another tool would export a big workshop. */
export function generatedBoard(count: number) {
  return {
    format: 'eventstorm-board',
    version: 1,
    name: `${count} stickies`,
    elements: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, kind: elementKinds[i % 8], text: `Sticky ${i}`, x: (i % 100) * 200, y: Math.floor(i / 100) * 200 })),
  }
}
