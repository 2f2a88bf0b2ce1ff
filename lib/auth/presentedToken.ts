/**
 * The token a request presents: `Authorization: Bearer <token>`, or `?token=`
 * (what y-websocket's `params` and a shared link send). Never log either.
 */
export function presentedToken(authorization: string | null | undefined, url: string): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1]
  if (bearer) return bearer
  const query = url.indexOf('?')
  if (query === -1) return undefined
  return new URLSearchParams(url.slice(query + 1)).get('token') || undefined
}
