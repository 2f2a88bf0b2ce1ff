'use client'

import { useCallback, useEffect, useState } from 'react'
import type { TLRecord, TLStore } from 'tldraw'
import { nearestStep, pauseBetween } from '@/lib/replay/playback'
import type { Timeline } from '@/lib/replay/timeline'
import { replaceDocumentRecords } from '@/lib/sync/storeBinding'
import { BoardApiError, boardJson } from '../boardApi'
import type { OpenBoard } from '../useBoardAccess'

export interface Replay {
  timeline: Timeline | undefined
  /** The step chosen on the scrubber. */
  index: number
  /** The step whose board the store holds now (it lags `index` while loading). */
  shownId: string | undefined
  playing: boolean
  speed: number
  error: string | undefined
  go(index: number): void
  setPlaying(playing: boolean): void
  setSpeed(speed: number): void
}

/** Scrubbing fast asks the server only for where the scrubber stops. */
const settleMs = 150

/**
 * A replay of the board: its timeline from the server, the step chosen, the
 * board at that step put into the (read-only) store, and playback, which
 * moves to the next step only once the board of this one is shown. A step
 * compacted away meanwhile (410) reloads the timeline at the nearest moment.
 */
export function useReplay(board: OpenBoard, store: TLStore): Replay {
  const [timeline, setTimeline] = useState<Timeline>()
  const [index, setIndex] = useState(0)
  const [shownId, setShownId] = useState<string>()
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState(60)
  const [error, setError] = useState<string>()

  const load = useCallback(
    async (near?: string) => {
      try {
        const next = await boardJson<Timeline>(board, 'replay')
        setTimeline(next)
        setIndex(near ? nearestStep(next.steps, near) : next.steps.length - 1)
      } catch (failure) {
        setError(String(failure))
      }
    },
    [board],
  )
  useEffect(() => void load(), [load])

  const step = timeline?.steps[index]
  useEffect(() => {
    if (!step) return
    let current = true
    const request = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const { records } = await boardJson<{ records: TLRecord[] }>(board, `replay/${step.id}`, { signal: request.signal })
        if (!current) return
        replaceDocumentRecords(store, records)
        setShownId(step.id)
        setError(undefined)
      } catch (failure) {
        if (!current) return
        if (failure instanceof BoardApiError && failure.status === 410) await load(step.at)
        else setError(String(failure))
        setPlaying(false)
      }
    }, settleMs)
    return () => {
      current = false
      clearTimeout(timer)
      request.abort()
    }
  }, [board, store, step, load])

  useEffect(() => {
    if (!playing || !timeline || !step || shownId !== step.id) return
    const next = timeline.steps[index + 1]
    if (!next) {
      setPlaying(false)
      return
    }
    const timer = setTimeout(() => setIndex(index + 1), pauseBetween(step, next, speed))
    return () => clearTimeout(timer)
  }, [playing, timeline, step, shownId, index, speed])

  return {
    timeline,
    index,
    shownId,
    playing,
    speed,
    error,
    go: setIndex,
    // Playing from the last step starts again from the first.
    setPlaying: (play) => {
      if (play && timeline && index >= timeline.steps.length - 1) setIndex(0)
      setPlaying(play)
    },
    setSpeed,
  }
}
