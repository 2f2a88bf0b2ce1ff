'use client'

import { type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react'

/** The board bar with the facilitation bar under it, in tldraw's top panel; the board's own panels start below both. */
export function BoardTop({ children }: { children: ReactNode }) {
  const top = useRef<HTMLDivElement>(null)
  useBottomAsCssVariable(top)
  return (
    <div className="es-top" ref={top}>
      {children}
    </div>
  )
}

/**
 * Tells the board's panels (palette, inspector) where the top ends, as
 * `--es-bar-bottom` on tldraw's container: the board bar wraps onto more rows
 * where the window is narrow, and the panels start below it.
 */
function useBottomAsCssVariable(bar: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const element = bar.current
    const container = element?.closest<HTMLElement>('.tl-container')
    if (!element || !container) return
    const measure = () => container.style.setProperty('--es-bar-bottom', `${Math.ceil(element.getBoundingClientRect().bottom - container.getBoundingClientRect().top)}px`)
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    measure()
    return () => observer.disconnect()
  }, [bar])
}
