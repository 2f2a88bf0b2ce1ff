import { type TLPage, type TLRecord, type TLShape, type TLShapeId, createShapeId } from '@tldraw/tlschema'
import { getIndicesBelow, sortByIndex } from '@tldraw/utils'
import { type ContextShape, contextShapeType, defaultContextProps } from '../board/shapes/contextShape.ts'
import type { ContextProposal } from './suggestContexts.ts'

/**
 * New es-context shapes that apply accepted proposals to a board, given its
 * records: on its first page, below every shape there so stickies stay on top.
 * Ids come from the names ("context-early-bird-sale"), so two people who
 * accept the same proposal at once write the same records rather than two sets.
 */
export function contextShapesFor(proposals: readonly Pick<ContextProposal, 'name' | 'bounds'>[], records: readonly TLRecord[]): ContextShape[] {
  const page = records.filter((r): r is TLPage => r.typeName === 'page').sort(sortByIndex)[0]
  if (!page) throw new Error('the board has no page')
  const bottom = records.filter((r): r is TLShape => r.typeName === 'shape' && r.parentId === page.id).sort(sortByIndex)[0]
  const indices = getIndicesBelow(bottom?.index, proposals.length)
  const taken = new Set<string>(records.map((r) => r.id))
  return proposals.map(({ name, bounds }, i) => {
    const id = unusedShapeId(`context-${slugOf(name)}`, taken)
    taken.add(id)
    return {
      id,
      typeName: 'shape',
      type: contextShapeType,
      x: bounds.x,
      y: bounds.y,
      rotation: 0,
      index: indices[i]!,
      parentId: page.id,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { ...defaultContextProps(), name, w: bounds.w, h: bounds.h },
    }
  })
}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '')
  return slug || 'suggested'
}

function unusedShapeId(base: string, taken: ReadonlySet<string>): TLShapeId {
  let id = createShapeId(base)
  for (let n = 2; taken.has(id); n++) id = createShapeId(`${base}-${n}`)
  return id
}
