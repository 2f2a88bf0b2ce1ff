'use client'

import { useEditor } from 'tldraw'
import { type ContextShape, eventSourcePattern } from '@/lib/board/shapes/contextShape'

/** A bounded context's properties: name, event source, owning team, description. */
export function ContextPanel({ shape }: { shape: ContextShape }) {
  const editor = useEditor()
  const set = (props: Partial<ContextShape['props']>) => editor.updateShape<ContextShape>({ id: shape.id, type: shape.type, props })
  const { name, source, team, description } = shape.props
  const sourceProblem = source && !eventSourcePattern.test(source) ? 'Use reverse-DNS form, e.g. com.acme.orders' : source.startsWith('aws.') ? 'Sources may not start with aws.' : undefined
  return (
    <section className="es-panel" aria-label="Bounded context">
      <h2>Bounded context</h2>
      <label>
        Name
        <input value={name} onChange={(e) => set({ name: e.target.value })} data-testid="context-name" />
      </label>
      <label>
        Event source
        <input value={source} placeholder="com.acme.orders" aria-invalid={!!sourceProblem} onChange={(e) => set({ source: e.target.value.trim().toLowerCase() })} />
        {sourceProblem && <span className="es-panel__hint">{sourceProblem}</span>}
      </label>
      <label>
        Owning team
        <input value={team} onChange={(e) => set({ team: e.target.value })} />
      </label>
      <label>
        Description
        <textarea value={description} rows={3} onChange={(e) => set({ description: e.target.value })} />
      </label>
    </section>
  )
}
