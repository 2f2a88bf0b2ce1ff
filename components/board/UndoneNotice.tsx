'use client'

import { useEffect, useState } from 'react'

const shownForMs = 8_000

/** Says, for a few seconds, that the server refused a change of this person's and the board was reloaded from its state. */
export function UndoneNotice({ at }: { at: number | undefined }) {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (at === undefined) return
    setShown(true)
    const timer = setTimeout(() => setShown(false), shownForMs)
    return () => clearTimeout(timer)
  }, [at])
  if (!shown) return null
  return (
    <div className="es-undone" role="status">
      The server refused your last change (something you touched was locked, or your role does not allow it): the board was reloaded as everyone sees it.
    </div>
  )
}
