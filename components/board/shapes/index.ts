import { BoundaryShapeUtil } from './BoundaryShapeUtil'
import { ContextShapeUtil } from './ContextShapeUtil'
import { LabelShapeUtil } from './LabelShapeUtil'
import { LaneShapeUtil } from './LaneShapeUtil'
import { StickyShapeUtil } from './StickyShapeUtil'

/** Every shape the board adds to tldraw's own; their props come from lib/board. */
export const boardShapeUtils = [StickyShapeUtil, ContextShapeUtil, LaneShapeUtil, BoundaryShapeUtil, LabelShapeUtil]
