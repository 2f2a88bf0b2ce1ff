import type { BoardContent } from '../boardFile/boardContent.ts'
import { readBoardFile } from '../boardFile/readBoardFile.ts'
import bigPicture from './builtin/big-picture.board.json' with { type: 'json' }
import onlineShop from './builtin/online-shop.board.json' with { type: 'json' }
import processLevel from './builtin/process-level.board.json' with { type: 'json' }
import softwareDesign from './builtin/software-design.board.json' with { type: 'json' }

/**
 * The templates every server offers: board files in our format, kept beside
 * this module under version control and read by the same reader as an
 * import, so a template that would not import does not ship (its test reads
 * each one). Their ids are words; saved templates get random ids without "-".
 */
export interface BuiltinTemplate {
  id: string
  description: string
  file: unknown
}

export const builtinTemplates: readonly BuiltinTemplate[] = [
  {
    id: 'big-picture',
    description: 'The whole domain on one timeline: lanes for the main and parallel stories, and the five steps of a Big Picture workshop.',
    file: bigPicture,
  },
  {
    id: 'process-level',
    description: 'One process from trigger to outcome, with an example row in the grammar: read model, actor, command, system, event, policy.',
    file: processLevel,
  },
  {
    id: 'software-design',
    description: 'A bounded context with a command, aggregate, event and read model, and an event contract to start from.',
    file: softwareDesign,
  },
  {
    id: 'online-shop',
    description: 'A worked example: an online shop from order through payment, fulfilment and returns, in three bounded contexts with event contracts.',
    file: onlineShop,
  },
]

export function findBuiltinTemplate(id: string): BuiltinTemplate | undefined {
  return builtinTemplates.find((template) => template.id === id)
}

/** A fresh copy of the template's content, for a new board to start from. */
export function builtinContent(template: BuiltinTemplate): BoardContent {
  return readBoardFile(template.file)
}
