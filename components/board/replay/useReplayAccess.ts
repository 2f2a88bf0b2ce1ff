'use client'

import { useCallback, useEffect, useState } from 'react'
import { can } from '@/lib/auth/roles'
import { boardJson } from '../boardApi'
import type { OpenBoard } from '../useBoardAccess'

export interface ReplayAccess {
  /** Whether everyone with a link may replay the board. */
  everyone: boolean
  /** Whether this person may. */
  allowed: boolean
}

/**
 * Who may replay the board, as the server says when the board opens; a
 * facilitator may always, and may open it to everyone or close it again.
 */
export function useReplayAccess(board: OpenBoard): { access: ReplayAccess; setEveryone(everyone: boolean): Promise<void> } {
  const [access, setAccess] = useState<ReplayAccess>({ everyone: false, allowed: can(board.role, 'facilitate') })
  useEffect(() => {
    let current = true
    boardJson<ReplayAccess>(board, 'replay/access')
      .then((answer) => current && setAccess(answer))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [board])
  const setEveryone = useCallback(
    async (everyone: boolean) => {
      setAccess((before) => ({ ...before, everyone }))
      try {
        setAccess(await boardJson<ReplayAccess>(board, 'replay/access', { method: 'PUT', body: JSON.stringify({ everyone }) }))
      } catch {
        setAccess((after) => ({ ...after, everyone: !everyone }))
      }
    },
    [board],
  )
  return { access, setEveryone }
}
