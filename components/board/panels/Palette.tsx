'use client'

import { useEditor, useValue } from 'tldraw'
import { elementKindDefinitions } from '@/lib/board/elementKinds'
import { structureDefinitions } from '@/lib/board/structureKinds'
import { offeredElements } from '@/lib/facilitation/phases'
import { placeSticky } from '../editor/stickyActions'
import { placeStructure } from '../editor/structureActions'
import { useFacilitationSession } from '../facilitation/FacilitationSession'
import { SuggestContexts } from './SuggestContextsDialog'

/**
 * The EventStorming palette: one button per element kind in its colour, then
 * the board's structure; in a workshop phase, what the phase needs.
 */
export function Palette() {
  const editor = useEditor()
  const session = useFacilitationSession()
  const { kinds, structures } = useValue('offered elements', () => offeredElements(session.$state.get().phase), [session])
  return (
    <nav className="es-palette" aria-label="EventStorming palette" onPointerDown={(e) => e.stopPropagation()}>
      {kinds.map((kind) => {
        const { label, shortcut, fill, ink, meaning } = elementKindDefinitions[kind]
        return (
          <button
            key={kind}
            type="button"
            className="es-palette__item"
            data-kind={kind}
            title={`${label} (${shortcut}): ${meaning}`}
            aria-label={label}
            aria-keyshortcuts={shortcut}
            onClick={() => placeSticky(editor, kind, editor.getViewportPageBounds().center)}
          >
            <span className="es-palette__swatch" style={{ background: fill, color: ink }}>
              {shortcut}
            </span>
            <span className="es-palette__label">{label}</span>
          </button>
        )
      })}
      {structures.length > 0 && <hr />}
      {structures.map((kind) => (
        <button
          key={kind}
          type="button"
          className="es-palette__item"
          data-structure={kind}
          aria-label={structureDefinitions[kind].label}
          onClick={() => placeStructure(editor, kind)}
        >
          <span className={`es-palette__swatch es-palette__swatch--${kind}`} />
          <span className="es-palette__label">{structureDefinitions[kind].label}</span>
        </button>
      ))}
      {structures.includes('context') && <SuggestContexts />}
    </nav>
  )
}
