'use client'

import { useState } from 'react'
import { elementKindDefinitions, elementKinds } from '@/lib/board/elementKinds'

/** What each colour means, with an example and its key: for people new to EventStorming. */
export function LegendPanel() {
  const [open, setOpen] = useState(false)
  return (
    <div className="es-legend" onPointerDown={(e) => e.stopPropagation()}>
      <button type="button" className="es-legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide legend' : 'Legend'}
      </button>
      {open && (
        <dl className="es-legend__list" aria-label="Legend">
          {elementKinds.map((kind) => {
            const { label, fill, ink, meaning, example, shortcut } = elementKindDefinitions[kind]
            return (
              <div key={kind} className="es-legend__item">
                <dt>
                  <span className="es-legend__swatch" style={{ background: fill, color: ink }}>
                    {shortcut}
                  </span>
                  {label}
                </dt>
                <dd>
                  {meaning} <em>“{example}”</em>
                </dd>
              </div>
            )
          })}
          <div className="es-legend__item">
            <dt>Tab</dt>
            <dd>While writing a sticky: the next event, to the right.</dd>
          </div>
        </dl>
      )}
    </div>
  )
}
