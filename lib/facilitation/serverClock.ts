/**
 * How far the server's clock is ahead of this browser's, from one exchange:
 * the server read its clock about halfway between sending and receiving (the
 * NTP estimate; its error is at most half the round trip).
 */
export function serverClockOffset(sample: { sentAt: number; serverNow: number; receivedAt: number }): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2
}

/** Of several samples, the one with the shortest round trip is the most exact. */
export function bestOffset(samples: { sentAt: number; serverNow: number; receivedAt: number }[]): number {
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a))
  return serverClockOffset(best)
}
