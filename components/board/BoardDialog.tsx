'use client'

import type { ReactNode } from 'react'

/** A dialog over the board, named by its title, that keeps the canvas from seeing its pointer and keys. */
export function BoardDialog({ title, className, onClose, children }: { title: string; className: string; onClose(): void; children: ReactNode }) {
  return (
    <div className={`es-dialog ${className}`} role="dialog" aria-label={title} onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <h2>{title}</h2>
      {children}
      <div className="es-dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
