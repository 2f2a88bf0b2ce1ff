import type { ShortcutGroup } from '../board/keyboardHelp.ts'

/**
 * The facilitator's keyboard shortcuts, one table for the board's actions
 * and for the keyboard help. `keys` are pressed together.
 */
export const facilitatorCommands = ['next-phase', 'toggle-palette', 'toggle-timer', 'toggle-follow-me', 'toggle-board-lock', 'toggle-selection-lock'] as const

export type FacilitatorCommand = (typeof facilitatorCommands)[number]

export interface FacilitatorShortcut {
  command: FacilitatorCommand
  keys: readonly string[]
  label: string
}

export const facilitatorShortcuts: readonly FacilitatorShortcut[] = [
  { command: 'next-phase', keys: ['Alt', 'Shift', 'P'], label: 'Go to the next phase' },
  { command: 'toggle-palette', keys: ['Alt', 'Shift', 'O'], label: 'Open the palette to every element, or back to the phase' },
  { command: 'toggle-timer', keys: ['Alt', 'Shift', 'T'], label: 'Pause or resume the timer (start 5 minutes when none runs)' },
  { command: 'toggle-follow-me', keys: ['Alt', 'Shift', 'M'], label: 'Follow me: everyone’s view follows yours, or stops' },
  { command: 'toggle-board-lock', keys: ['Alt', 'Shift', 'L'], label: 'Lock or unlock the whole board' },
  { command: 'toggle-selection-lock', keys: ['Shift', 'L'], label: 'Lock or unlock the selected elements' },
]

/** The shortcut as tldraw's keyboard handling reads it ("alt+shift+p"). */
export const tldrawKbd = (shortcut: FacilitatorShortcut) => shortcut.keys.join('+').toLowerCase()

/** The facilitator's shortcuts as the keyboard help lists them (`?`). */
export const facilitatorShortcutGroup: ShortcutGroup = {
  title: 'Facilitating (facilitator links only)',
  shortcuts: facilitatorShortcuts.map(({ keys, label }) => ({ keys: [...keys], does: label })),
}
