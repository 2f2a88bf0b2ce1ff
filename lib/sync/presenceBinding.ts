import { computed, react, type Signal } from '@tldraw/state'
import {
  createPresenceStateDerivation,
  createUserId,
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLScribble,
  type TLStore,
  UserRecordType,
} from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'

/** Who is at the keyboard: shown on their cursor to everyone else. */
export interface Participant {
  id: string
  name: string
  color: string
}

/** What a client publishes in its awareness state. */
export interface AwarenessState {
  user?: { name: string; color: string }
  presence?: TLInstancePresence | null
  /** A facilitator asking everyone to follow their view: a new value for each time they ask (lib/facilitation/followMe.ts). */
  followMe?: string | null
}

/**
 * A peer's presence as this board shows it: keyed by the awareness client it
 * came from, whatever ids it claims. The server lets each connection speak
 * for one awareness client only, so nobody can take another's cursor, or the
 * place of the facilitator everyone follows.
 */
export const peerUserId = (clientId: number) => createUserId(`client-${clientId}`)
const peerPresenceId = (clientId: number) => InstancePresenceRecordType.createId(`client-${clientId}`)

/**
 * Shares this user's tldraw presence (cursor, selection, viewport, name,
 * colour) through Yjs awareness, and shows everyone else's as
 * `instance_presence` records, which tldraw draws as labelled cursors; what
 * else the awareness state holds (e.g. `followMe`) is left as it is.
 * Outgoing presence is throttled: a pointer moves far more often than
 * anyone can see.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  $participant: Signal<Participant>,
  throttleMs = 40,
): { dispose(): void } {
  const $user = computed('presence user', () => {
    const { id, name, color } = $participant.get()
    return UserRecordType.create({ id: createUserId(id), name, color })
  })
  const $presence = createPresenceStateDerivation($user)(store)

  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSent = 0
  const publish = () => {
    timer = undefined
    lastSent = Date.now()
    const { name, color } = $participant.get()
    const presence = $presence.get()
    const others = awareness.getLocalState() as AwarenessState | null
    awareness.setLocalState({ ...others, user: { name, color }, presence: presence && sharedPresence(presence) } satisfies AwarenessState)
  }
  const stopReacting = react('publish presence', () => {
    $presence.get()
    $participant.get()
    if (timer) return
    timer = setTimeout(publish, Math.max(0, throttleMs - (Date.now() - lastSent)))
  })

  const shown = new Map<number, TLInstancePresence['id']>()
  const handleChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    store.mergeRemoteChanges(() => {
      for (const client of [...added, ...updated]) {
        if (client === awareness.clientID) continue
        const presence = (awareness.getStates().get(client) as AwarenessState | undefined)?.presence
        if (!isPresence(presence)) {
          hide(client)
          continue
        }
        try {
          store.put([{ ...presence, id: peerPresenceId(client), userId: peerUserId(client) }])
          shown.set(client, peerPresenceId(client))
        } catch {
          // A peer's malformed presence only costs that peer its cursor.
        }
      }
      for (const client of removed) hide(client)
    })
  }
  const hide = (client: number) => {
    const id = shown.get(client)
    shown.delete(client)
    if (id && store.has(id)) store.remove([id])
  }
  awareness.on('change', handleChange)
  handleChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return {
    dispose() {
      stopReacting()
      clearTimeout(timer)
      awareness.off('change', handleChange)
      store.mergeRemoteChanges(() => {
        for (const client of [...shown.keys()]) hide(client)
      })
      awareness.setLocalState(null)
    },
  }
}

/** Peers draw this many of someone's selected shapes at most: select-all on a 5,000-sticky board would share ~150 KB on every cursor move. */
const maxSharedSelection = 200
/** The newest laser points shared: a laser stroke keeps every point until it fades, 60 a second. */
const maxSharedScribblePoints = 300

/**
 * What is shared of this user's presence: the parts that grow without bound
 * are cut to what peers need to see, so the state stays far under the
 * server's awareness limit (64 KiB by default), past which it would close
 * this connection for good.
 */
export function sharedPresence(presence: TLInstancePresence): TLInstancePresence {
  return {
    ...presence,
    selectedShapeIds: presence.selectedShapeIds.slice(0, maxSharedSelection),
    scribbles: newestScribblePoints(presence.scribbles, maxSharedScribblePoints),
  }
}

function newestScribblePoints(scribbles: TLScribble[], budget: number): TLScribble[] {
  const kept: TLScribble[] = []
  for (let i = scribbles.length - 1; i >= 0 && budget > 0; i--) {
    const scribble = scribbles[i]!
    const points = scribble.points.slice(-budget)
    budget -= points.length
    kept.unshift({ ...scribble, points })
  }
  return kept
}

/** Only presence records may come in through awareness, never shapes or pages. */
function isPresence(value: unknown): value is TLInstancePresence {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as TLInstancePresence).typeName === 'instance_presence' &&
    typeof (value as TLInstancePresence).id === 'string' &&
    (value as TLInstancePresence).id.startsWith('instance_presence:')
  )
}
