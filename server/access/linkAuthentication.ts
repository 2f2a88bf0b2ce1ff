import { AccessDenied, authorizeBoard } from '../../lib/auth/boardAccess.ts'
import { presentedToken } from '../../lib/auth/presentedToken.ts'
import { can } from '../../lib/auth/roles.ts'
import type { Database } from '../../lib/db/client.ts'
import { type ConnectionRights, type Hooks, Refusal } from '../realtime/hooks.ts'

/**
 * Every websocket proves its role with a capability link's token
 * (`?token=`, as y-websocket's `params` sends it, or a bearer header) before
 * its board is loaded. Viewers get a read-only connection.
 */
export class LinkAuthentication implements Hooks {
  constructor(
    private readonly db: Database,
    private readonly key: Buffer,
  ) {}

  async onAuthenticate({ boardId, request }: Parameters<NonNullable<Hooks['onAuthenticate']>>[0]): Promise<ConnectionRights> {
    const token = presentedToken(request.headers.authorization, request.url ?? '')
    try {
      const role = await authorizeBoard(this.db, this.key, boardId, token)
      return { role, readOnly: !can(role, 'edit') }
    } catch (error) {
      if (error instanceof AccessDenied) throw new Refusal(error.status, error.message)
      throw error
    }
  }
}
