import type { Participant } from '@/lib/sync/presenceBinding'

const storageKey = 'eventstorm.participant'
const colors = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599', '#c2255c', '#5f3dc4', '#e8590c', '#364fc7']

/** This browser's participant: remembered across visits, made up on the first one. */
export function loadParticipant(): Participant {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<Participant> | null
    if (saved && typeof saved.id === 'string' && typeof saved.name === 'string' && typeof saved.color === 'string') {
      return { id: saved.id, name: saved.name, color: saved.color }
    }
  } catch {
    // Unreadable storage: start afresh.
  }
  const participant = {
    id: crypto.randomUUID(),
    name: `Guest ${Math.floor(100 + Math.random() * 900)}`,
    color: colors[Math.floor(Math.random() * colors.length)]!,
  }
  saveParticipant(participant)
  return participant
}

export function saveParticipant(participant: Participant): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(participant))
  } catch {
    // Private mode or full storage: the name lasts for this page only.
  }
}
