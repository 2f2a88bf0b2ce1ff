import type { Database } from './client.ts'

/** Why a version was kept. */
export type VersionReason = 'periodic' | 'before-deletion' | 'before-restore' | 'named'

export interface VersionSummary {
  id: string
  createdAt: Date
  reason: VersionReason
  label: string
  records: number
}

const summary = { id: true, createdAt: true, reason: true, label: true, records: true } as const
const toSummary = (row: { id: bigint; createdAt: Date; reason: string; label: string; records: number }): VersionSummary => ({
  ...row,
  id: row.id.toString(),
  reason: row.reason as VersionReason,
})

/** Keeps the whole board (a Yjs update of its state) as a version. */
export async function saveVersion(
  db: Database,
  boardId: string,
  version: { reason: VersionReason; label: string; records: number; data: Uint8Array },
): Promise<VersionSummary> {
  return toSummary(await db.prisma.boardVersion.create({ data: { boardId, ...version, data: new Uint8Array(version.data) }, select: summary }))
}

/** Newest first. */
export async function listVersions(db: Database, boardId: string, limit = 200): Promise<VersionSummary[]> {
  const rows = await db.prisma.boardVersion.findMany({ where: { boardId }, orderBy: { id: 'desc' }, take: limit, select: summary })
  return rows.map(toSummary)
}

/** The newest `limit` versions kept before a moment, oldest first, and how many older ones that leaves out. */
export async function versionsBefore(db: Database, boardId: string, before: Date, limit: number): Promise<{ versions: VersionSummary[]; leftOut: number }> {
  const where = { boardId, createdAt: { lt: before } }
  const rows = await db.prisma.boardVersion.findMany({ where, orderBy: { id: 'desc' }, take: limit, select: summary })
  const leftOut = rows.length < limit ? 0 : (await db.prisma.boardVersion.count({ where })) - rows.length
  return { versions: rows.reverse().map(toSummary), leftOut }
}

/** A version's state, only if it belongs to the board. */
export async function readVersion(db: Database, boardId: string, versionId: string): Promise<(VersionSummary & { data: Uint8Array }) | null> {
  if (!/^[0-9]{1,18}$/.test(versionId)) return null
  const row = await db.prisma.boardVersion.findFirst({ where: { id: BigInt(versionId), boardId }, select: { ...summary, data: true } })
  return row && { ...toSummary(row), data: row.data }
}

/** When the board's newest version was kept; null when it has none. */
export async function latestVersionAt(db: Database, boardId: string): Promise<Date | null> {
  const row = await db.prisma.boardVersion.findFirst({ where: { boardId }, orderBy: { id: 'desc' }, select: { createdAt: true } })
  return row?.createdAt ?? null
}
