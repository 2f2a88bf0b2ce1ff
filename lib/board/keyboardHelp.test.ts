import { describe, expect, test } from 'vitest'
import { elementKindDefinitions, elementKinds } from './elementKinds.ts'
import { keyboardHelp } from './keyboardHelp.ts'

describe('the keyboard help', () => {
  test('lists every palette key with its kind, as the palette defines them', () => {
    const [palette] = keyboardHelp()
    for (const kind of elementKinds) {
      expect(palette!.shortcuts).toContainEqual({ keys: [elementKindDefinitions[kind].shortcut], does: elementKindDefinitions[kind].label })
    }
  })

  test('puts the groups it is given between the palette and tldraw’s own keys', () => {
    const facilitation = { title: 'Facilitating', shortcuts: [{ keys: ['Alt', 'T'], does: 'Start the timer' }] }
    expect(keyboardHelp([facilitation]).map((group) => group.title)).toEqual([
      'Place a sticky where the pointer is, and write',
      'Facilitating',
      'Moving around and editing',
    ])
  })

  test('no two lines claim the same keys', () => {
    const keys = keyboardHelp().flatMap((group) => group.shortcuts.map((shortcut) => shortcut.keys.join('+')))
    expect(new Set(keys).size).toBe(keys.length)
  })
})
