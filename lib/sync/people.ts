/** Someone on the board, as the others see them. */
export interface PersonOnBoard {
  clientId: number
  name: string
  color: string
  /** Stamped by the server on every awareness state from the connection's link, so nobody can claim another role. */
  role: string
  you: boolean
}

const maxNameLength = 40

/**
 * Everyone whose awareness state says who they are, this client first. Peers'
 * states are untrusted: anything missing or malformed is left out or shown plainly.
 */
export function peopleOnBoard(states: Map<number, unknown>, self: { clientId: number; role: string }): PersonOnBoard[] {
  const people: PersonOnBoard[] = []
  for (const [clientId, state] of states) {
    const user = (state as { user?: { name?: unknown; color?: unknown } } | null)?.user
    if (typeof user?.name !== 'string') continue
    const you = clientId === self.clientId
    const role = you ? self.role : (state as { role?: unknown }).role
    people.push({
      clientId,
      name: user.name.slice(0, maxNameLength) || 'Someone',
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#868e96',
      role: typeof role === 'string' ? role : 'unknown',
      you,
    })
  }
  return people.sort((a, b) => Number(b.you) - Number(a.you) || a.name.localeCompare(b.name))
}

/** Where someone's cursor is (page coordinates, on which page), from their untrusted awareness state; null when they share none. */
export function cursorOf(state: unknown): { x: number; y: number; pageId: string } | null {
  const presence = (state as { presence?: { cursor?: { x?: unknown; y?: unknown }; currentPageId?: unknown } } | null)?.presence
  const { x, y } = presence?.cursor ?? {}
  const pageId = presence?.currentPageId
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y) || typeof pageId !== 'string') return null
  return { x, y, pageId }
}
