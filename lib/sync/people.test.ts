import { describe, expect, test } from 'vitest'
import { cursorOf, peopleOnBoard } from './people.ts'

describe('the people on a board', () => {
  test('are listed with the role the server stamped, you first with your own role', () => {
    const states = new Map<number, unknown>([
      [2, { user: { name: 'Zoe', color: '#1971c2' }, role: 'viewer' }],
      [1, { user: { name: 'Me', color: '#e03131' } }],
      [3, { user: { name: 'Ann', color: '#2f9e44' }, role: 'participant' }],
    ])
    expect(peopleOnBoard(states, { clientId: 1, role: 'facilitator' }).map((p) => `${p.name} ${p.role}${p.you ? ' (you)' : ''}`)).toEqual([
      'Me facilitator (you)',
      'Ann participant',
      'Zoe viewer',
    ])
  })

  test('leave out states without a name and tame malformed ones', () => {
    const states = new Map<number, unknown>([
      [1, null],
      [2, { presence: {} }],
      [3, { user: { name: 'x'.repeat(500), color: 'url(https://evil.example/x)' }, role: 42 }],
    ])
    const [person] = peopleOnBoard(states, { clientId: 9, role: 'viewer' })
    expect(peopleOnBoard(states, { clientId: 9, role: 'viewer' })).toHaveLength(1)
    expect(person).toMatchObject({ name: 'x'.repeat(40), color: '#868e96', role: 'unknown' })
  })

  test('someone’s cursor is read from their presence, and nothing when it is missing or malformed', () => {
    expect(cursorOf({ presence: { cursor: { x: 10, y: -4, type: 'default', rotation: 0 }, currentPageId: 'page:board' } })).toEqual({ x: 10, y: -4, pageId: 'page:board' })
    expect(cursorOf({ presence: null })).toBeNull()
    expect(cursorOf({ presence: { cursor: { x: Number.NaN, y: 0 }, currentPageId: 'page:board' } })).toBeNull()
    expect(cursorOf({ presence: { cursor: { x: '1', y: 0 }, currentPageId: 'page:board' } })).toBeNull()
    expect(cursorOf(null)).toBeNull()
  })
})
