/**
 * The origin the client used to reach us (Host header, and the proxy's
 * X-Forwarded-Proto), so links we hand out work from where they were asked.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url)
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(':', '')
  return `${proto === 'https' ? 'https' : 'http'}://${host}`
}
