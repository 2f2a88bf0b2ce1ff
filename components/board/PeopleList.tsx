'use client'

import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Role, isRole, roleLabels } from '@/lib/auth/roles'
import { type PersonOnBoard, peopleOnBoard } from '@/lib/sync/people'

/** Who is on the board, each with their role beside their name. */
export function PeopleList({ awareness, role }: { awareness: Awareness | undefined; role: Role }) {
  const people = usePeople(awareness, role)
  return (
    <ul className="board-people" aria-label="People on this board">
      {people.map((person) => (
        <li key={person.clientId} title={`${person.name}: ${roleName(person.role)}`} style={{ borderColor: person.color }}>
          <span className="board-people__name">{person.you ? `${person.name} (you)` : person.name}</span>
          <span className="board-people__role" data-role={person.role}>
            {roleName(person.role)}
          </span>
        </li>
      ))}
    </ul>
  )
}

const roleName = (role: string) => (isRole(role) ? roleLabels[role] : 'Unknown role')

function usePeople(awareness: Awareness | undefined, role: Role): PersonOnBoard[] {
  const [people, setPeople] = useState<PersonOnBoard[]>([])
  useEffect(() => {
    if (!awareness) return
    // Cursor moves change awareness many times a second; the list changes only when someone comes, goes or renames.
    let shown = ''
    const refresh = () => {
      const next = peopleOnBoard(awareness.getStates(), { clientId: awareness.clientID, role })
      const key = JSON.stringify(next)
      if (key !== shown) {
        shown = key
        setPeople(next)
      }
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness, role])
  return people
}
