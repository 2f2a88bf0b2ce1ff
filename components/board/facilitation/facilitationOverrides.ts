import type { TLUiOverrides } from 'tldraw'
import { can } from '@/lib/auth/roles'
import { elementKindDefinitions, elementKinds } from '@/lib/board/elementKinds'
import { offeredElements, phases } from '@/lib/facilitation/phases'
import { facilitatorShortcuts, tldrawKbd } from '@/lib/facilitation/shortcuts'
import { facilitate } from './facilitationApi'
import { runFacilitatorCommand } from './facilitatorCommands'
import type { FacilitationSession } from './FacilitationSession'

/**
 * The keyboard and menus under facilitation: a palette key places only what
 * the phase offers; locking goes through the server (tldraw's own lock would
 * be a mere shape property); facilitators get their shortcuts.
 */
export function facilitationOverrides(session: FacilitationSession): TLUiOverrides {
  const facilitator = can(session.board.role, 'facilitate')
  return {
    actions(editor, actions, { addToast }) {
      const failed = (error: unknown) => addToast({ title: 'The server refused', description: String(error instanceof Error ? error.message : error), severity: 'error' })
      for (const kind of elementKinds) {
        const action = actions[`place-${kind}`]
        if (!action) continue
        const place = action.onSelect
        action.onSelect = (source) => {
          const state = session.$state.get().phase
          if (offeredElements(state).kinds.includes(kind)) return place(source)
          addToast({ title: `No ${elementKindDefinitions[kind].label.toLowerCase()} in this phase`, description: state.phase ? phases[state.phase].hint : undefined, severity: 'info' })
        }
      }
      if (!facilitator) {
        delete actions['toggle-lock']
        delete actions['unlock-all']
        return actions
      }
      for (const shortcut of facilitatorShortcuts) {
        // Locking the selection takes the place of tldraw's own lock, in its menus too.
        const id = shortcut.command === 'toggle-selection-lock' ? 'toggle-lock' : `facilitate-${shortcut.command}`
        actions[id] = {
          ...actions[id],
          id,
          label: shortcut.label,
          kbd: tldrawKbd(shortcut),
          readonlyOk: true,
          onSelect: () => void runFacilitatorCommand(shortcut.command, editor, session).catch(failed),
        }
      }
      actions['unlock-all'] = {
        ...actions['unlock-all'],
        id: 'unlock-all',
        label: 'Unlock all',
        onSelect: () => {
          const locked = [...session.$state.get().lockedShapes]
          if (locked.length > 0) void facilitate.lockShapes(session.board, locked, false).catch(failed)
        },
      }
      return actions
    },
  }
}
