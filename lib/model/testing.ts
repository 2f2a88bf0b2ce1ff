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

/**
 * A big-picture board in the layout the issue describes, as EventStormer
 * exports it (100-unit stickies, 150 apart): the board's title at the top
 * left; a sales row with titles above it at different heights and short
 * boundaries that span only that row; a claims row lower down, titled at its
 * left and above, with its own boundaries; hotspots (placed rotated) and a
 * question between the rows; a note under the last row.
 */
export const motorInsuranceWorkshop = {
  name: 'Motor insurance',
  sessionMode: 'big-picture',
  stickies: [
    ...stormerRow(0, 300, 'Quote Requested', 'Risk Assessed', 'Quote Sent'),
    ...stormerRow(150, 420, 'Driver History Checked'),
    { id: 'who-approves-high-risk-drivers', kind: 'hotspot', text: 'Who approves high-risk drivers?', x: 120, y: 600 },
    ...stormerRow(550, 300, 'Quote Accepted', 'Payment Details Captured', 'Policy Issued'),
    { id: 'what-if-the-card-is-declined', kind: 'event', text: 'What if the card is declined?', x: 700, y: 600 },
    ...stormerRow(1100, 300, 'Welcome Pack Sent', 'Customer Portal Account Created'),
    { id: 'fraud-checks', kind: 'hotspot', text: 'Fraud checks?', x: 300, y: 840 },
    ...stormerRow(0, 1000, 'Accident Reported', 'Claim Filed', 'Damage Assessed', 'Claim Approved'),
    ...stormerRow(700, 1000, 'Repair Booked', 'Repair Paid', 'Claim Closed'),
  ],
  verticals: [
    { id: 'quoted', x: 475, y1: 250, y2: 560 },
    { id: 'sold', x: 1025, y1: 250, y2: 560 },
    { id: 'approved', x: 625, y1: 950, y2: 1200 },
  ],
  labels: [
    { id: 'board-title', text: 'MOTOR INSURANCE: BIG PICTURE, MARCH WORKSHOP', x: 0, y: 0 },
    { id: 'quote', text: 'QUOTE', x: 200, y: 180 },
    { id: 'policy-sale', text: 'POLICY SALE', x: 560, y: 220 },
    { id: 'onboarding', text: 'ONBOARDING', x: 1080, y: 160 },
    { id: 'claims', text: 'CLAIMS', x: -350, y: 1020 },
    { id: 'settlement', text: 'SETTLEMENT', x: 650, y: 880 },
    { id: 'parking-lot', text: 'Parking lot: ask legal about total loss', x: 0, y: 1250 },
  ],
}

function stormerRow(x: number, y: number, ...texts: string[]) {
  return texts.map((text, i) => ({ id: kebab(text), kind: 'event', text, x: x + i * 150, y }))
}
