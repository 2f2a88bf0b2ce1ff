/**
 * A worker thread of bench/sync.ts holding some of the participants of one
 * board: a few writers (real y-websocket providers with a Y.Doc, as a browser
 * runs them) and light receivers that speak the y-websocket protocol over a
 * bare websocket and never build a Y.Doc. Every edit carries a marker in its
 * record's meta, `~e<writer>.<seq>.<m|w>.<sent>~`: `m` for a measured edit,
 * `w` for a warm-up one, `sent` in microseconds on the clock all threads share
 * (process.hrtime, one monotonic clock per process; performance.now() has a
 * different origin in every worker). A receiver finds markers in the bytes of
 * each update message, so its cost per delivery is a search, not a decode.
 *
 * Messages from the parent: `edit` (writers start), `count` (deliveries so
 * far), `report` (latencies, then every socket closes).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { type TestClient, connectClient, stickyRecord, waitFor, whenSynced } from '../server/testing/clients.ts'

export interface Participant {
  /** Unique on the board: writers are 0…writers-1. */
  index: number
  role: 'writer' | 'receiver'
  port: number
}

export interface ParticipantsSetup {
  boardId: string
  token: string
  participants: Participant[]
  /** process.hrtime.bigint() of the parent at the start, as a string: the zero of every timestamp. */
  clockBase: string
  editIntervalMs: number
  warmupEdits: number
  measuredEdits: number
}

export type ToParticipants = { type: 'edit' } | { type: 'count' } | { type: 'report' }
export type FromParticipants =
  | { type: 'connected' }
  | { type: 'edited'; measuredEdits: number }
  | { type: 'count'; deliveries: number }
  | { type: 'report'; latencies: Float64Array; eventLoopUtilization: number; socketErrors: string[] }

const setup = workerData as ParticipantsSetup
const clockBase = BigInt(setup.clockBase)
/** Milliseconds since the parent's clock base, to the microsecond. */
const now = () => Number((process.hrtime.bigint() - clockBase) / 1000n) / 1000

const markerStart = Buffer.from('~e')
const markerEnd = '~'.charCodeAt(0)

function marker(writer: number, seq: number, measured: boolean): string {
  return `~e${writer}.${seq}.${measured ? 'm' : 'w'}.${Math.round(now() * 1000)}~`
}

/** The sent time (ms) of a measured edit's marker, or undefined for a warm-up edit. */
function measuredSentAt(text: string): number | undefined {
  const [, , flag, sent] = text.split('.')
  return flag === 'm' ? Number(sent) / 1000 : undefined
}

const latencies: number[] = []
const socketErrors: string[] = []
const record = (sentAt: number | undefined, arrivedAt: number) => sentAt !== undefined && latencies.push(arrivedAt - sentAt)

/** A bare websocket that syncs with an empty state and then only reads updates. */
function connectReceiver(participant: Participant): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${participant.port}/yjs/${setup.boardId}?token=${setup.token}`)
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(syncStep1WithEmptyState))
    socket.on('message', (data: Buffer) => {
      // Message type 0 (sync), then the step; both are one-byte varUints.
      if (data[0] !== 0) return
      if (data[1] === 0) socket.send(syncStep2WithEmptyUpdate)
      else if (data[1] === 1) resolve(socket)
      else if (data[1] === 2) findMarkers(data, now())
    })
    socket.on('error', (error) => {
      socketErrors.push(error.message)
      reject(error)
    })
    socket.on('close', (code, reason) => {
      if (code !== 1000 && code !== 1005) socketErrors.push(`receiver ${participant.index} closed: ${code} ${reason.toString()}`)
    })
  })
}

// [sync, step 1, state vector of 1 byte: no clients]; [sync, step 2, update of 2 bytes: no structs, no deletes].
const syncStep1WithEmptyState = Uint8Array.from([0, 0, 1, 0])
const syncStep2WithEmptyUpdate = Uint8Array.from([0, 1, 2, 0, 0])

function findMarkers(data: Buffer, arrivedAt: number): void {
  for (let start = data.indexOf(markerStart); start !== -1; start = data.indexOf(markerStart, start + 2)) {
    const end = data.indexOf(markerEnd, start + 2)
    if (end === -1) return
    record(measuredSentAt(data.toString('latin1', start + 2, end)), arrivedAt)
  }
}

/** A full client; it times the others' edits as its Y.Doc receives them. */
async function connectWriter(participant: Participant): Promise<TestClient> {
  const client = connectClient(participant.port, setup.boardId, { token: setup.token })
  client.records.on('change', (changes: Map<string, { newValue?: TLRecord }>, transaction: Y.Transaction) => {
    if (transaction.local) return
    const arrivedAt = now()
    for (const { newValue } of changes.values()) {
      const text = (newValue?.meta as { bench?: string } | undefined)?.bench
      if (text) record(measuredSentAt(text.slice(2, -1)), arrivedAt)
    }
  })
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event && event.code !== 1000) socketErrors.push(`writer ${participant.index} closed: ${event.code} ${event.reason}`)
  })
  await whenSynced(client, 60_000)
  return client
}

/** Every fifth edit places a new sticky; the four after it drag it, the cursor moving along, as people do. */
function edit(client: TestClient, writer: number, seq: number, measured: boolean): void {
  const sticky = stickyRecord(`w${writer}-${Math.floor(seq / 5)}`, `Order placed ${writer}.${seq}`)
  const x = (writer % 10) * 220 + seq * 3
  const y = Math.floor(writer / 10) * 140 + seq * 2
  client.records.set(sticky.id, { ...sticky, x, y, meta: { bench: marker(writer, seq, measured) } })
  client.provider.awareness.setLocalStateField('cursor', { x, y })
}

/** Edits every editIntervalMs from a random phase, so writers do not edit in lockstep; resolves with the measured edits made. */
function editSteadily(client: TestClient, writer: number): Promise<number> {
  const total = setup.warmupEdits + setup.measuredEdits
  return new Promise((resolve) => {
    let seq = 0
    let timer: NodeJS.Timeout | undefined
    const tick = () => {
      edit(client, writer, seq, seq >= setup.warmupEdits)
      if (++seq === total) {
        clearInterval(timer)
        resolve(setup.measuredEdits)
      }
    }
    setTimeout(() => (timer = setInterval(tick, setup.editIntervalMs)), Math.random() * setup.editIntervalMs)
  })
}

const send = (message: FromParticipants) => parentPort!.postMessage(message)

const writerSetups = setup.participants.filter((p) => p.role === 'writer')
const writers = await Promise.all(writerSetups.map(connectWriter))
// Connected in small groups: a real crowd does not open 500 sockets in the same millisecond.
const receivers: WebSocket[] = []
const receiverSetups = setup.participants.filter((p) => p.role === 'receiver')
for (let i = 0; i < receiverSetups.length; i += 25) receivers.push(...(await Promise.all(receiverSetups.slice(i, i + 25).map(connectReceiver))))
send({ type: 'connected' })

let utilizationFrom = performance.eventLoopUtilization()
parentPort!.on('message', async (message: ToParticipants) => {
  if (message.type === 'edit') {
    utilizationFrom = performance.eventLoopUtilization()
    const made = await Promise.all(writers.map((client, i) => editSteadily(client, writerSetups[i]!.index)))
    send({ type: 'edited', measuredEdits: made.reduce((sum, count) => sum + count, 0) })
  } else if (message.type === 'count') {
    send({ type: 'count', deliveries: latencies.length })
  } else {
    const { utilization } = performance.eventLoopUtilization(utilizationFrom)
    send({ type: 'report', latencies: Float64Array.from(latencies), eventLoopUtilization: utilization, socketErrors })
    for (const client of writers) client.destroy()
    for (const socket of receivers) socket.close()
    await waitFor(() => receivers.every((socket) => socket.readyState === WebSocket.CLOSED), 5_000, 'receivers closed').catch(() => {})
    parentPort!.close()
  }
})
