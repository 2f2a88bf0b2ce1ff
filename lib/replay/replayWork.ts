/**
 * Rebuilding a board from its history costs CPU (a 5,000-sticky board: about
 * half a second): this process runs at most `running` replays at once and
 * queues `waiting` more; beyond that a caller is told to come back, so
 * nobody allowed to replay can starve the live boards by asking in a loop.
 */
export const replayCapacity = { running: 2, waiting: 8 }

interface Slots {
  running: number
  queue: (() => void)[]
}

// Route handlers are bundled apart by Next: the slots are shared through globalThis, like the live boards.
const key = Symbol.for('eventstorm.replaySlots')
const slots = ((globalThis as { [key]?: Slots })[key] ??= { running: 0, queue: [] })

/** Runs the work when a slot is free; `busy` when too many are already waiting. */
export async function replayWork<T>(work: () => Promise<T>, capacity = replayCapacity): Promise<T | 'busy'> {
  if (slots.running >= capacity.running) {
    if (slots.queue.length >= capacity.waiting) return 'busy'
    await new Promise<void>((resolve) => slots.queue.push(resolve))
  } else slots.running += 1
  try {
    return await work()
  } finally {
    const next = slots.queue.shift()
    if (next) next()
    else slots.running -= 1
  }
}
