/**
 * The EventStorming elements a sticky can be, with their conventional colour
 * and size (the DDD Crew legend, after Brandolini). One definition per kind,
 * shared by the palette, the shapes, the legend, import and the model.
 */
export const elementKinds = [
  'event',
  'command',
  'actor',
  'aggregate',
  'policy',
  'readModel',
  'externalSystem',
  'hotspot',
  'opportunity',
  'glossary',
] as const

export type ElementKind = (typeof elementKinds)[number]

export interface ElementKindDefinition {
  kind: ElementKind
  label: string
  /** What a list of several is headed with. */
  plural: string
  /** The one key that picks it in the palette. */
  shortcut: string
  fill: string
  /** Text colour readable on the fill, in light and dark mode alike (the fill does not change). */
  ink: string
  w: number
  h: number
  /** Degrees; hotspots are placed askew. */
  rotation: number
  /** What the legend says. */
  meaning: string
  /** What to write on it. */
  example: string
}

const define = (definition: Omit<ElementKindDefinition, 'rotation'> & { rotation?: number }): ElementKindDefinition => ({
  rotation: 0,
  ...definition,
})

export const elementKindDefinitions: Record<ElementKind, ElementKindDefinition> = {
  event: define({
    kind: 'event',
    label: 'Domain event',
    plural: 'Domain events',
    shortcut: '1',
    fill: '#ff9f43',
    ink: '#2b1600',
    w: 160,
    h: 160,
    meaning: 'Something that happened in the domain, in the past tense.',
    example: 'Order Placed',
  }),
  command: define({
    kind: 'command',
    label: 'Command',
    plural: 'Commands',
    shortcut: '2',
    fill: '#54a0ff',
    ink: '#03162e',
    w: 160,
    h: 160,
    meaning: 'A decision or intention that causes events, in the imperative.',
    example: 'Place Order',
  }),
  actor: define({
    kind: 'actor',
    label: 'Actor',
    plural: 'Actors',
    shortcut: '3',
    fill: '#feca57',
    ink: '#2b2100',
    w: 100,
    h: 70,
    meaning: 'A person or role who issues a command.',
    example: 'Customer',
  }),
  aggregate: define({
    kind: 'aggregate',
    label: 'Aggregate',
    plural: 'Aggregates',
    shortcut: '4',
    fill: '#f6d743',
    ink: '#2b2400',
    w: 240,
    h: 200,
    meaning: 'What accepts commands and keeps its rules, producing events.',
    example: 'Order',
  }),
  policy: define({
    kind: 'policy',
    label: 'Policy',
    plural: 'Policies',
    shortcut: '5',
    fill: '#c9a7f5',
    ink: '#1f0b3a',
    w: 240,
    h: 160,
    meaning: 'A reaction: whenever an event happens, then a command.',
    example: 'Whenever payment fails, then notify customer',
  }),
  readModel: define({
    kind: 'readModel',
    label: 'Read model',
    plural: 'Read models',
    shortcut: '6',
    fill: '#7bd389',
    ink: '#062b0e',
    w: 160,
    h: 160,
    meaning: 'The information someone needs to take a decision.',
    example: 'Order summary',
  }),
  externalSystem: define({
    kind: 'externalSystem',
    label: 'External system',
    plural: 'External systems',
    shortcut: '7',
    fill: '#ff9ff3',
    ink: '#330029',
    w: 260,
    h: 130,
    meaning: 'A system outside our control that we talk to.',
    example: 'Payment provider',
  }),
  hotspot: define({
    kind: 'hotspot',
    label: 'Hotspot',
    plural: 'Hotspots',
    shortcut: '8',
    fill: '#ff3d7f',
    ink: '#1f000b',
    w: 160,
    h: 160,
    rotation: -8,
    meaning: 'A question, conflict or risk to come back to.',
    example: 'Who refunds partial orders?',
  }),
  opportunity: define({
    kind: 'opportunity',
    label: 'Opportunity',
    plural: 'Opportunities',
    shortcut: '9',
    fill: '#b8e994',
    ink: '#142b02',
    w: 160,
    h: 160,
    meaning: 'An idea for doing better.',
    example: 'Offer one-click reorder',
  }),
  glossary: define({
    kind: 'glossary',
    label: 'Glossary',
    plural: 'Glossary entries',
    shortcut: '0',
    fill: '#f1f2f6',
    ink: '#1d2433',
    w: 200,
    h: 130,
    meaning: 'A term of the domain and what it means here.',
    example: 'Basket: items chosen but not yet ordered',
  }),
}

/** How strongly a sticky's kind is written above its text, in its ink: faint, yet readable (WCAG AA) on every fill. */
export const kindLabelOpacity = 0.85

export function isElementKind(value: unknown): value is ElementKind {
  return typeof value === 'string' && (elementKinds as readonly string[]).includes(value)
}
