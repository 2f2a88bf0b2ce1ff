import { boardGet } from '@/lib/http/boardRoute'
import { checkModel } from '@/lib/model/checks'
import { readBoardModel } from '@/lib/model/readBoardModel'

export const dynamic = 'force-dynamic'

export const GET = boardGet(readBoardModel, (model) => Response.json({ model, findings: checkModel(model) }))
