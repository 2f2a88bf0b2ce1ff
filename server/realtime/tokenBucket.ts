/** A sustained rate and the most that may be spent at once. */
export interface Rate {
  perSecond: number
  burst: number
}

/**
 * A token bucket: it starts full, refills continuously at `perSecond` up to
 * `burst`, and something costing n tokens passes only while n are there.
 * Time comes from `now` (milliseconds) so tests can drive it.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.burst
    this.refilledAt = now()
  }

  /** Spends `cost` tokens if there are that many; otherwise spends nothing. */
  take(cost: number): boolean {
    this.refill()
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.refilledAt) * this.rate.perSecond) / 1000)
    this.refilledAt = now
  }
}
