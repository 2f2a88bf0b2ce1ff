import { boardGet } from '@/lib/http/boardRoute'
import { readBoardModel } from '@/lib/model/readBoardModel'
import { suggestContexts } from '@/lib/model/suggestContexts'

export const dynamic = 'force-dynamic'

/** Proposes contexts without changing the board; the board applies the ones a person accepts. */
export const GET = boardGet(readBoardModel, (model) => Response.json(suggestContexts(model)))
