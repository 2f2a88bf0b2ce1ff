import type { BoardFile } from '../boardFile/boardFile.ts'
import type { Prisma } from './generated/client.ts'
import type { Database } from './client.ts'

/** A saved template as the gallery lists it: everything but its content. */
export interface SavedTemplateSummary {
  id: string
  name: string
  description: string
  createdAt: Date
}

const summary = { id: true, name: true, description: true, createdAt: true } as const

export async function insertTemplate(
  db: Database,
  template: { id: string; name: string; description: string; content: BoardFile; sourceBoardId: string },
): Promise<SavedTemplateSummary> {
  // A board file is plain JSON: strings, numbers, booleans, arrays and objects.
  const content = template.content as unknown as Prisma.InputJsonObject
  return db.prisma.template.create({ data: { ...template, content }, select: summary })
}

/** Newest first. */
export async function listSavedTemplates(db: Database, limit: number): Promise<SavedTemplateSummary[]> {
  return db.prisma.template.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit, select: summary })
}

export async function countSavedTemplates(db: Database): Promise<number> {
  return db.prisma.template.count()
}

/** The stored board file of a template, or null when there is none of that id. */
export async function findTemplateContent(db: Database, id: string): Promise<unknown> {
  return (await db.prisma.template.findUnique({ where: { id }, select: { content: true } }))?.content ?? null
}

/** Whether a template of that id was there to delete. */
export async function removeTemplate(db: Database, id: string): Promise<boolean> {
  return (await db.prisma.template.deleteMany({ where: { id } })).count === 1
}
