/** Reads one request header by its lower-case name, whichever API the request came through. */
export type HeaderReader = (name: string) => string | null | undefined

/** The host the client used to reach us: the proxy's X-Forwarded-Host (its first entry), else Host. */
export function requestHost(header: HeaderReader): string | undefined {
  return header('x-forwarded-host')?.split(',')[0]?.trim() || header('host') || undefined
}

/**
 * The origin the client used to reach us (Host header, and the proxy's
 * X-Forwarded-Proto), so links we hand out work from where they were asked.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url)
  const header: HeaderReader = (name) => request.headers.get(name)
  const host = requestHost(header) ?? url.host
  const proto = header('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(':', '')
  return `${proto === 'https' ? 'https' : 'http'}://${host}`
}

/** `scheme://host[:port]` of an http(s) URL that names nothing more than an origin; undefined otherwise. */
export function parseOrigin(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  const originOnly = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  return /^https?:$/.test(url.protocol) && originOnly ? url.origin : undefined
}

/** Methods that never change state (RFC 9110 §9.2.1); every other one must pass {@link originAllowed}. */
export function changesState(method: string | undefined): boolean {
  return !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method ?? 'GET')
}

/**
 * Whether a request may act for the browser page that sent it: its Origin is
 * our own (the host it reached, over either scheme) or one of `allowedOrigins`
 * (already parsed with {@link parseOrigin}). Without an Origin header it is not
 * a browser's cross-site request (tools, tests, tokens) and passes; `Origin:
 * null` (sandboxed frames, file: pages, some redirects) does not. Trusting
 * X-Forwarded-Host is safe here: a page can only set it on a fetch that needs
 * a CORS preflight, which the app never grants, and not on a websocket.
 */
export function originAllowed(header: HeaderReader, allowedOrigins: readonly string[]): boolean {
  const sent = header('origin')
  if (sent === null || sent === undefined) return true
  const origin = parseOrigin(sent)
  if (origin === undefined) return false
  const host = requestHost(header)
  const own = host === undefined ? [] : [`http://${host}`, `https://${host}`].map(parseOrigin)
  return own.includes(origin) || allowedOrigins.includes(origin)
}
