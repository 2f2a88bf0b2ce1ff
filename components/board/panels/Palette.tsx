'use client'

import { useEditor } from 'tldraw'
import { elementKindDefinitions, elementKinds } from '@/lib/board/elementKinds'
import { placeSticky } from '../editor/stickyActions'
import { type StructureKind, placeStructure, structureLabels } from '../editor/structureActions'
import { SuggestContexts } from './SuggestContextsDialog'

/** The EventStorming palette: one button per element kind in its colour, then the board's structure. */
export function Palette() {
  const editor = useEditor()
  return (
    <nav className="es-palette" aria-label="EventStorming palette" onPointerDown={(e) => e.stopPropagation()}>
      {elementKinds.map((kind) => {
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
      <hr />
      {(Object.keys(structureLabels) as StructureKind[]).map((kind) => (
        <button
          key={kind}
          type="button"
          className="es-palette__item"
          data-structure={kind}
          aria-label={structureLabels[kind]}
          onClick={() => placeStructure(editor, kind)}
        >
          <span className={`es-palette__swatch es-palette__swatch--${kind}`} />
          <span className="es-palette__label">{structureLabels[kind]}</span>
        </button>
      ))}
      <SuggestContexts />
    </nav>
  )
}
