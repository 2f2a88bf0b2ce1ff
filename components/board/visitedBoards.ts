import { type Role, isRole } from '@/lib/auth/roles'

/**
 * The boards this browser has opened, with the role and token of the link it
 * came with, so the home page can list them and `/b/<id>` reopens without the
 * link. Nothing of it ever goes to the server but the token, as a bearer.
 */
export interface VisitedBoard {
  id: string
  name: string
  role: Role
  token: string
  openedAt: string
}

const storageKey = 'eventstorm.boards'

export function visitedBoards(): VisitedBoard[] {
  return Object.values(readAll()).sort((a, b) => b.openedAt.localeCompare(a.openedAt))
}

export function visitedBoard(id: string): VisitedBoard | undefined {
  return readAll()[id]
}

export function rememberBoard(board: Omit<VisitedBoard, 'openedAt'>): void {
  writeAll({ ...readAll(), [board.id]: { ...board, openedAt: new Date().toISOString() } })
}

export function forgetBoard(id: string): void {
  const { [id]: _forgotten, ...rest } = readAll()
  writeAll(rest)
}

/**
 * The token of the link this page was opened with (`#token=` or `?token=`),
 * taken out of the address bar at once, so it does not show on a shared
 * screen, in the history, or in a bookmark.
 */
export function takeLinkToken(): string | undefined {
  const url = new URL(location.href)
  const hash = new URLSearchParams(url.hash.slice(1))
  const token = hash.get('token') ?? url.searchParams.get('token') ?? undefined
  if (hash.has('token') || url.searchParams.has('token')) {
    hash.delete('token')
    url.searchParams.delete('token')
    url.hash = hash.toString()
    history.replaceState(history.state, '', url.toString())
  }
  return token || undefined
}

function readAll(): Record<string, VisitedBoard> {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, Partial<VisitedBoard>>
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, VisitedBoard] => isVisitedBoard(entry[1])))
  } catch {
    return {}
  }
}

function writeAll(boards: Record<string, VisitedBoard>): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(boards))
  } catch {
    // Private mode or full storage: the board opens, it is just not remembered.
  }
}

function isVisitedBoard(value: Partial<VisitedBoard>): value is VisitedBoard {
  return (
    typeof value?.id === 'string' &&
    typeof value.name === 'string' &&
    isRole(value.role) &&
    typeof value.token === 'string' &&
    typeof value.openedAt === 'string'
  )
}
