/**
 * Follow me: a facilitator asks everyone to follow their view by putting a
 * `followMe` value (new each time they ask) in their awareness state. Only a
 * state the server stamped `facilitator` counts: anyone can write the field,
 * nobody can stamp their own role. Each person follows until they move the
 * view themselves, and the same request never pulls them back.
 */
export interface Leader {
  clientId: number
  name: string
  /** Which request: a person who stopped following one is asked again only by a new one. */
  session: string
}

export function leaderOf(states: Map<number, unknown>, selfClientId: number): Leader | null {
  let leader: Leader | null = null
  for (const [clientId, state] of states) {
    if (clientId === selfClientId || typeof state !== 'object' || state === null) continue
    const { role, followMe, user } = state as { role?: unknown; followMe?: unknown; user?: { name?: unknown } }
    if (role !== 'facilitator' || typeof followMe !== 'string' || followMe.length === 0 || followMe.length > 64) continue
    // Two facilitators leading at once: everyone follows the same one.
    if (leader && leader.clientId < clientId) continue
    leader = { clientId, name: typeof user?.name === 'string' ? user.name.slice(0, 40) || 'Someone' : 'Someone', session: followMe }
  }
  return leader
}
