'use client'

import { useEditor, useValue } from 'tldraw'
import { boundaryShapeType } from '@/lib/board/shapes/boundaryShape'
import { contextShapeType } from '@/lib/board/shapes/contextShape'
import { laneShapeType } from '@/lib/board/shapes/laneShape'
import { stickyShapeType } from '@/lib/board/shapes/stickyShape'
import { ContextPanel } from './ContextPanel'
import { EventContractPanel } from './EventContractPanel'

/** Properties of the one selected element: an event's contract, a context, a hotspot, a lane or boundary label. */
export function InspectorPanel() {
  const editor = useEditor()
  const shape = useValue('selected shape', () => editor.getOnlySelectedShape(), [editor])
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  if (!shape) return null

  let body: React.ReactNode = null
  if (shape.type === stickyShapeType && shape.props.kind === 'event') body = <EventContractPanel shape={shape} />
  else if (shape.type === contextShapeType) body = <ContextPanel shape={shape} />
  else if (shape.type === stickyShapeType && shape.props.kind === 'hotspot') {
    body = (
      <section className="es-panel" aria-label="Hotspot">
        <h2>Hotspot</h2>
        <label className="es-panel__check">
          <input
            type="checkbox"
            checked={shape.props.resolved}
            onChange={(e) => editor.updateShape({ id: shape.id, type: shape.type, props: { resolved: e.target.checked } })}
          />
          Resolved
        </label>
      </section>
    )
  } else if (shape.type === laneShapeType || shape.type === boundaryShapeType) {
    body = (
      <section className="es-panel" aria-label={shape.type === laneShapeType ? 'Swimlane' : 'Pivotal boundary'}>
        <h2>{shape.type === laneShapeType ? 'Swimlane' : 'Pivotal boundary'}</h2>
        <label>
          Label
          <input value={shape.props.label} onChange={(e) => editor.updateShape({ id: shape.id, type: shape.type, props: { label: e.target.value } })} />
        </label>
      </section>
    )
  }
  if (!body) return null
  return (
    <aside className="es-inspector" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <fieldset className="es-inspector__fields" disabled={readOnly}>
        {body}
      </fieldset>
    </aside>
  )
}
