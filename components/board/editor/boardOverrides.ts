import type { TLUiOverrides } from 'tldraw'
import { elementKindDefinitions, elementKinds } from '@/lib/board/elementKinds'
import { KeyboardHelpDialog } from '../KeyboardHelpDialog'
import { placeSticky } from './stickyActions'

/** tldraw's tools and actions that insert images, videos, bookmarks or embeds (lib/board/outsideContent). */
const outsideContentTools = ['asset', 'embed']
const outsideContentActions = [
  'insert-media',
  'insert-embed',
  'image-replace',
  'video-replace',
  'convert-to-bookmark',
  'convert-to-embed',
  'flatten-to-image',
]

/**
 * One-key shortcuts: each element kind's key places a sticky of that kind;
 * `?` (Shift+/ to tldraw) opens the keyboard help. No tool or action brings
 * outside content in.
 */
export const boardOverrides: TLUiOverrides = {
  tools(_editor, tools) {
    for (const id of outsideContentTools) delete tools[id]
    return tools
  },
  actions(editor, actions, helpers) {
    for (const id of outsideContentActions) delete actions[id]
    for (const kind of elementKinds) {
      const { label, shortcut } = elementKindDefinitions[kind]
      actions[`place-${kind}`] = {
        id: `place-${kind}`,
        label,
        kbd: shortcut,
        onSelect: () => {
          placeSticky(editor, kind)
        },
      }
    }
    actions['keyboard-help'] = {
      id: 'keyboard-help',
      label: 'Keyboard shortcuts',
      kbd: 'shift+/',
      readonlyOk: true,
      onSelect: () => {
        helpers.addDialog({ id: 'keyboard-help', component: KeyboardHelpDialog })
      },
    }
    return actions
  },
}
