import { describe, expect, test } from 'vitest'
import { TokenBucket } from './tokenBucket.ts'

function bucketAt(perSecond: number, burst: number) {
  const clock = { ms: 0 }
  const bucket = new TokenBucket({ perSecond, burst }, () => clock.ms)
  return { bucket, clock }
}

describe('a token bucket', () => {
  test('lets a whole burst through at once, then refuses', () => {
    const { bucket } = bucketAt(10, 5)
    for (let i = 0; i < 5; i++) expect(bucket.take(1)).toBe(true)
    expect(bucket.take(1)).toBe(false)
  })

  test('refills at its rate as time passes', () => {
    const { bucket, clock } = bucketAt(10, 5)
    while (bucket.take(1));
    clock.ms += 250
    expect(bucket.take(2)).toBe(true)
    expect(bucket.take(1)).toBe(false)
    clock.ms += 100
    expect(bucket.take(1)).toBe(true)
  })

  test('never holds more than its burst, however long it was idle', () => {
    const { bucket, clock } = bucketAt(10, 5)
    clock.ms += 60_000
    expect(bucket.take(5)).toBe(true)
    expect(bucket.take(1)).toBe(false)
  })

  test('a refused take spends nothing, so a smaller one can still pass', () => {
    const { bucket } = bucketAt(10, 5)
    expect(bucket.take(6)).toBe(false)
    expect(bucket.take(5)).toBe(true)
  })

  test('a steady rate below the limit is never refused', () => {
    const { bucket, clock } = bucketAt(300, 10)
    for (let i = 0; i < 10_000; i++) {
      clock.ms += 1000 / 290
      expect(bucket.take(1)).toBe(true)
    }
  })

  test('a steady rate above the limit is refused once the burst is spent', () => {
    const { bucket, clock } = bucketAt(300, 1000)
    let passed = 0
    for (let i = 0; i < 10_000; i++) {
      clock.ms += 1
      if (bucket.take(1)) passed++
    }
    // Ten seconds at 1,000 a second: the burst plus (almost) ten seconds of refill.
    expect(passed).toBeGreaterThanOrEqual(1000 + 2998)
    expect(passed).toBeLessThanOrEqual(1000 + 3000)
  })
})
