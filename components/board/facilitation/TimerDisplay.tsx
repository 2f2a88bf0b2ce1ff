'use client'

import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { type TimerState, formatRemaining, isTimeUp, remainingMs } from '@/lib/facilitation/timer'
import { useFacilitationSession } from './FacilitationSession'

/** The countdown everyone sees, read in the server's clock; at zero it says so, and pulses (no sound). */
export function TimerDisplay({ timer }: { timer: TimerState }) {
  const { $clockOffset } = useFacilitationSession()
  const offset = useValue($clockOffset)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (timer.status !== 'running') return
    const tick = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(tick)
  }, [timer])
  const serverNow = now + offset
  const up = isTimeUp(timer, serverNow)
  return (
    <span className="es-timer" data-testid="timer" data-status={up ? 'up' : timer.status} role="timer" aria-label="Timer">
      {up ? 'Time’s up' : formatRemaining(remainingMs(timer, serverNow))}
      {timer.status === 'paused' && !up && <span className="es-timer__paused"> paused</span>}
    </span>
  )
}
