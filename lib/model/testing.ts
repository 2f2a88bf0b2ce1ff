import type { TLRecord } from '@tldraw/tlschema'
import { type ElementKind, elementKindDefinitions } from '../board/elementKinds.ts'
import { type BoardContent, type ElementContent, emptyBoardContent } from '../boardFile/boardContent.ts'
import { contentToRecords } from '../boardFile/contentToRecords.ts'
import { eventStormerBoard, eventStormerToContent } from '../boardFile/eventStormer.ts'
import { readFixture } from '../boardFile/fixtures.ts'

/** Boards for tests, built as content and turned into records the way an import does. */

/** A sticky to place; its id defaults to its text in kebab case ("Place Order" → place-order). */
export type StickySpec = Omit<ElementContent, 'id' | 'x' | 'y'> & { id?: string }

export const sticky = (kind: ElementKind, text: string, extra: Partial<StickySpec> = {}): StickySpec => ({ kind, text, ...extra })

/** What a person storming left to right leaves between two stickies. */
export const rowGap = 40

/** Stickies placed left to right from (x, y), `rowGap` apart. */
export function row(x: number, y: number, ...stickies: StickySpec[]): ElementContent[] {
  const placed: ElementContent[] = []
  for (const { id, ...spec } of stickies) {
    placed.push({ id: id ?? kebab(spec.text), x, y, ...spec })
    x += (spec.w ?? elementKindDefinitions[spec.kind].w) + rowGap
  }
  return placed
}

export function boardRecords(content: Partial<BoardContent>): TLRecord[] {
  return contentToRecords({ ...emptyBoardContent('Test board'), ...content })
}

/** The records of one of the EventStormer sample boards, imported as the import endpoint does. */
export function fixtureRecords(name: Parameters<typeof readFixture>[0]): TLRecord[] {
  return contentToRecords(eventStormerToContent(eventStormerBoard.parse(readFixture(name)), name))
}

const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
