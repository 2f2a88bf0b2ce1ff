import { defaultShapeUtils } from 'tldraw'
import { BoundaryShapeUtil } from './BoundaryShapeUtil'
import { ContextShapeUtil } from './ContextShapeUtil'
import { LabelShapeUtil } from './LabelShapeUtil'
import { LaneShapeUtil } from './LaneShapeUtil'
import { StickyShapeUtil } from './StickyShapeUtil'
import { ArrowPatternOnceUsedShapeUtil, DrawPatternOnceUsedShapeUtil, GeoPatternOnceUsedShapeUtil } from './patternFillOnceUsed'

/** Every shape the board adds to tldraw's own (their props come from lib/board), and the three of tldraw's it draws more lazily. */
export const boardShapeUtils = [
  StickyShapeUtil,
  ContextShapeUtil,
  LaneShapeUtil,
  BoundaryShapeUtil,
  LabelShapeUtil,
  GeoPatternOnceUsedShapeUtil,
  DrawPatternOnceUsedShapeUtil,
  ArrowPatternOnceUsedShapeUtil,
]

/** tldraw's shapes with ours in place of those we replace: what a store made apart from `<Tldraw>` (the board's, the replay's) takes. */
export const storeShapeUtils = [...defaultShapeUtils.filter((util) => !boardShapeUtils.some((ours) => ours.type === util.type)), ...boardShapeUtils]
