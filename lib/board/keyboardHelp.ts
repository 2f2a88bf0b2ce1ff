import { elementKindDefinitions, elementKinds } from './elementKinds.ts'

/** One line of the keyboard help: the keys pressed together, and what they do. */
export interface Shortcut {
  keys: string[]
  does: string
}

/** Shortcuts that belong together, under a title ("Place a sticky"). */
export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

/** The key that opens the keyboard help. */
export const helpKey = '?'

/** The palette's keys, from the element kinds' own table. */
export const paletteShortcuts: ShortcutGroup = {
  title: 'Place a sticky where the pointer is, and write',
  shortcuts: [
    ...elementKinds.map((kind) => ({ keys: [elementKindDefinitions[kind].shortcut], does: elementKindDefinitions[kind].label })),
    { keys: ['Tab'], does: 'While writing: the next domain event, to the right' },
    { keys: ['Escape'], does: 'Stop writing (a sticky left empty goes away)' },
  ],
}

/** tldraw's main keys: moving around, undoing, selecting. `Ctrl` is ⌘ on a Mac. */
export const canvasShortcuts: ShortcutGroup = {
  title: 'Moving around and editing',
  shortcuts: [
    { keys: ['Space', 'drag'], does: 'Pan' },
    { keys: ['H'], does: 'Hand tool' },
    { keys: ['V'], does: 'Select tool' },
    { keys: ['Ctrl', 'scroll'], does: 'Zoom' },
    { keys: ['+'], does: 'Zoom in' },
    { keys: ['-'], does: 'Zoom out' },
    { keys: ['Shift', '1'], does: 'Zoom to fit the board' },
    { keys: ['Shift', '2'], does: 'Zoom to the selection' },
    { keys: ['Shift', '0'], does: 'Zoom to 100%' },
    { keys: ['Ctrl', 'Z'], does: 'Undo' },
    { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo' },
    { keys: ['Ctrl', 'A'], does: 'Select all' },
    { keys: ['Ctrl', 'D'], does: 'Duplicate' },
    { keys: ['Delete'], does: 'Delete the selection' },
    { keys: ['Ctrl', 'Alt', '/'], does: 'Every tldraw shortcut' },
    { keys: [helpKey], does: 'This help' },
  ],
}

/**
 * What the keyboard help lists: the palette's keys, then the groups given
 * (the facilitator's shortcuts), then tldraw's main ones.
 */
export function keyboardHelp(groups: ShortcutGroup[] = []): ShortcutGroup[] {
  return [paletteShortcuts, ...groups, canvasShortcuts]
}
