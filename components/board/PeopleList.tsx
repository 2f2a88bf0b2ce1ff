'use client'

import { useEffect, useState } from 'react'
import { type TLPageId, useEditor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { type Role, isRole, roleLabels } from '@/lib/auth/roles'
import { type PersonOnBoard, cursorOf, peopleOnBoard } from '@/lib/sync/people'

/** Who is on the board, each with their role beside their name; a click on someone goes to their cursor. */
export function PeopleList({ awareness, role }: { awareness: Awareness | undefined; role: Role }) {
  const editor = useEditor()
  const people = usePeople(awareness, role)
  const goTo = (person: PersonOnBoard) => {
    const cursor = cursorOf(awareness?.getStates().get(person.clientId))
    if (!cursor) return
    const pageId = cursor.pageId as TLPageId
    if (pageId !== editor.getCurrentPageId() && editor.getPage(pageId)) editor.setCurrentPage(pageId)
    editor.centerOnPoint(cursor, { animation: { duration: 200 } })
  }
  return (
    <ul className="board-people" aria-label="People on this board">
      {people.map((person) => (
        <li key={person.clientId} title={`${person.name}: ${roleName(person.role)}`} style={{ borderColor: person.color }}>
          <button type="button" disabled={person.you} aria-label={person.you ? undefined : `Go to ${person.name}’s cursor`} onClick={() => goTo(person)}>
            <span className="board-people__name">{person.you ? `${person.name} (you)` : person.name}</span>
            <span className="board-people__role" data-role={person.role}>
              {roleName(person.role)}
            </span>
          </button>
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
