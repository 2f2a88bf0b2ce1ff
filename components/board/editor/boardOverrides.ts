import type { TLUiOverrides } from 'tldraw'
import { elementKindDefinitions, elementKinds } from '@/lib/board/elementKinds'
import { placeSticky } from './stickyActions'

/** One-key shortcuts: each element kind's key places a sticky of that kind. */
export const boardOverrides: TLUiOverrides = {
  actions(editor, actions) {
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
    return actions
  },
}
