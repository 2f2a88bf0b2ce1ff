'use client'

import { useEffect, useState } from 'react'
import type { Role } from '@/lib/auth/roles'
import { forgetBoard, rememberBoard, takeLinkToken, visitedBoard } from './visitedBoards'

export interface OpenBoard {
  id: string
  name: string
  role: Role
  token: string
  /** The most records the server lets the board hold. */
  maxRecords: number
}

export type BoardAccess =
  | { status: 'checking' }
  | { status: 'open'; board: OpenBoard }
  | { status: 'refused'; title: string; message: string }

const refusals: Record<number, { title: string; message: string }> = {
  401: { title: 'This link does not open the board', message: 'It may have been replaced by a new one. Ask the facilitator for the current link.' },
  403: { title: 'This link is for another board', message: 'Ask the facilitator for the link to this board.' },
  404: { title: 'Board not found', message: 'The link may be mistyped, or the board was never created on this server.' },
}

/**
 * Which board this page may open, and as whom: the token of the link it was
 * opened with (or the one remembered from an earlier visit), checked by the
 * server before anything of the board is shown.
 */
export function useBoardAccess(boardId: string): BoardAccess {
  const [access, setAccess] = useState<BoardAccess>({ status: 'checking' })

  useEffect(() => {
    const token = takeLinkToken() ?? visitedBoard(boardId)?.token
    if (!token) {
      setAccess({ status: 'refused', title: 'This board needs its link', message: 'Open the link the facilitator shared with you.' })
      return
    }
    const controller = new AbortController()
    fetch(`/api/boards/${encodeURIComponent(boardId)}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) {
          if (response.status === 401 || response.status === 404) forgetBoard(boardId)
          setAccess({ status: 'refused', ...(refusals[response.status] ?? { title: 'The board could not be opened', message: `The server answered ${response.status}.` }) })
          return
        }
        const { name, role, maxRecords } = (await response.json()) as { name: string; role: Role; maxRecords: number }
        rememberBoard({ id: boardId, name, role, token })
        setAccess({ status: 'open', board: { id: boardId, name, role, token, maxRecords } })
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setAccess({ status: 'refused', title: 'The server cannot be reached', message: String(error) })
      })
    return () => controller.abort()
  }, [boardId])

  return access
}
