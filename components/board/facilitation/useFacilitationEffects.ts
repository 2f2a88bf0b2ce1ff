'use client'

import { useEffect, useState } from 'react'
import { type Editor, react } from 'tldraw'
import { can } from '@/lib/auth/roles'
import { leaderOf } from '@/lib/facilitation/followMe'
import { bestOffset } from '@/lib/facilitation/serverClock'
import { peerUserId } from '@/lib/sync/presenceBinding'
import { ballot, clockSample } from './facilitationApi'
import type { FacilitationSession } from './FacilitationSession'

const clockResyncMs = 10 * 60_000

/** Learns how far the server's clock is from this browser's (three exchanges, the quickest counts), and again now and then. */
export function useServerClock(session: FacilitationSession): void {
  useEffect(() => {
    let stopped = false
    const sync = async () => {
      const samples = []
      for (let i = 0; i < 3 && !stopped; i++) samples.push(await clockSample(session.board))
      if (!stopped && samples.length > 0) session.$clockOffset.set(bestOffset(samples))
    }
    const run = () => void sync().catch(() => undefined)
    run()
    const timer = setInterval(run, clockResyncMs)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [session])
}

/** Fetches this browser's own ballot whenever a new round opens (people who may edit only: viewers do not vote). */
export function useBallot(session: FacilitationSession): void {
  useEffect(() => {
    if (!can(session.board.role, 'edit')) return
    let round: string | null = null
    return react('ballot follows the round', () => {
      const vote = session.$state.get().vote
      const open = vote?.status === 'open' ? vote.id : null
      if (open === round) return
      round = open
      session.$ballot.set(null)
      if (open) {
        void ballot(session.board).then(
          (mine) => {
            if (round === mine.round) session.$ballot.set(mine)
          },
          () => undefined,
        )
      }
    })
  }, [session])
}

/**
 * What a lock means in this browser, for everyone but facilitators: a locked
 * board is read-only, and a change to a locked element is undone before it is
 * sent (the server would refuse it and close the connection). tldraw's own
 * `isLocked`, which the server sets on locked elements, usually stops it first.
 */
export function useLockGuard(editor: Editor, session: FacilitationSession): void {
  useEffect(() => {
    if (can(session.board.role, 'facilitate')) return
    const mayEdit = can(session.board.role, 'edit')
    const stopReadOnly = react('read-only while the board is locked', () => {
      const readOnly = !mayEdit || session.$state.get().boardLocked
      if (editor.getIsReadonly() !== readOnly) editor.updateInstanceState({ isReadonly: readOnly })
    })
    const locked = (id: string) => session.$state.get().lockedShapes.has(id)
    const stopChanges = editor.sideEffects.registerBeforeChangeHandler('shape', (before, after, source) => (source === 'user' && locked(before.id) ? before : after))
    const stopDeletes = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => (source === 'user' && locked(shape.id) ? false : undefined))
    return () => {
      stopReadOnly()
      stopChanges()
      stopDeletes()
    }
  }, [editor, session])
}

/**
 * Follows a facilitator who asked everyone to (only a state the server
 * stamped facilitator), with tldraw's own following, until this person moves
 * the view themselves; the same request never pulls them back. Answers whom
 * they follow now.
 */
export function useFollowLeader(editor: Editor, session: FacilitationSession): { name: string } | null {
  const [following, setFollowing] = useState<{ name: string } | null>(null)
  const { awareness } = session
  useEffect(() => {
    if (!awareness) return
    let dismissed: string | null = null
    let current: { session: string; userId: string; name: string } | null = null
    const refresh = () => {
      const leader = leaderOf(awareness.getStates(), awareness.clientID)
      const followedId = editor.getInstanceState().followingUserId
      if (current && followedId !== current.userId) {
        // They moved the view themselves (or the leader left): not again for this request.
        dismissed = current.session
        current = null
      }
      if (leader && leader.session !== dismissed && !current) {
        const userId = peerUserId(leader.clientId)
        editor.startFollowingUser(userId)
        if (editor.getInstanceState().followingUserId === userId) current = { session: leader.session, userId, name: leader.name }
      } else if (!leader && current) {
        editor.stopFollowingUser()
        current = null
      }
      setFollowing(current && { name: current.name })
    }
    refresh()
    awareness.on('change', refresh)
    const stopWatching = react('following', () => {
      editor.getInstanceState().followingUserId
      refresh()
    })
    return () => {
      awareness.off('change', refresh)
      stopWatching()
      if (current) editor.stopFollowingUser()
    }
  }, [editor, awareness])
  return following
}
