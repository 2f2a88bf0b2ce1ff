import type * as Y from 'yjs'
import type { Logger } from '../../lib/logger.ts'
import { upgradeBoardSchema } from '../../lib/ydoc/schemaUpgrade.ts'
import type { Hooks } from '../realtime/hooks.ts'

/**
 * Keeps every board's document readable by every client: the server brings a
 * board to this app's schema when it loads it (clients never write the
 * schema), and judges each update before it is applied.
 */
export class BoardIntegrity implements Hooks {
  constructor(private readonly log: Logger) {}

  /** Runs after the board was read from storage, so what it writes is saved like any change. */
  async onLoadDocument({ boardId, doc }: { boardId: string; doc: Y.Doc }): Promise<void> {
    const outcome = upgradeBoardSchema(doc, this)
    if (outcome === 'newer') this.log.warn(`board ${boardId} was written by a newer version of the app; its clients are asked to reload`)
    else if (outcome !== 'current') this.log.info(`board ${boardId}: schema ${outcome}`)
  }
}
