/** How many items, sorted by key, have a key at or below `value`: the index of the first one above it. */
export function countAtOrBelow<T>(sorted: readonly T[], value: number, keyOf: (item: T) => number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (keyOf(sorted[mid]!) <= value) low = mid + 1
    else high = mid
  }
  return low
}
