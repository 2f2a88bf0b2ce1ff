import { Refusal } from './hooks.ts'

export interface SlotLimits {
  perBoard: number
  perAddress: number
}

/**
 * Websockets open or still opening, per board and per remote address, so
 * that neither one machine nor one board can take every socket the process
 * has. A slot is taken before anything costs a database read and given back
 * when the socket is gone, so upgrades in flight count too.
 */
export class ConnectionSlots {
  private readonly boards = new Tally()
  private readonly addresses = new Tally()

  constructor(private readonly limits: SlotLimits) {}

  /** Takes a slot, or refuses with 429; returns what gives it back (call it once). */
  take(boardId: string, address: string): () => void {
    if (this.addresses.count(address) >= this.limits.perAddress) throw new Refusal(429, 'too many connections from this address')
    if (this.boards.count(boardId) >= this.limits.perBoard) throw new Refusal(429, 'too many connections to this board')
    this.addresses.add(address)
    this.boards.add(boardId)
    return () => {
      this.addresses.remove(address)
      this.boards.remove(boardId)
    }
  }
}

/** Counts by key, forgetting a key at zero so that many passing addresses leave nothing behind. */
class Tally {
  private readonly counts = new Map<string, number>()

  count(key: string): number {
    return this.counts.get(key) ?? 0
  }

  add(key: string): void {
    this.counts.set(key, this.count(key) + 1)
  }

  remove(key: string): void {
    const left = this.count(key) - 1
    if (left > 0) this.counts.set(key, left)
    else this.counts.delete(key)
  }
}
