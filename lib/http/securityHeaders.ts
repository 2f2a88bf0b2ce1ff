/** What one answer's security headers depend on. */
export interface HeaderContext {
  /** Fresh for every request: Next.js writes it on its inline scripts, tldraw on its <style>. */
  nonce: string
  /** `npm run dev`: React and Next's dev overlay need more than a production page. */
  dev: boolean
}

/**
 * The Content-Security-Policy of a page: everything from our own origin and
 * nothing from anywhere else, so neither injected markup nor a board's
 * content can run foreign code or make a participant's browser contact
 * another host. Each source beyond 'self' was found missing in Chromium.
 */
export function contentSecurityPolicy({ nonce, dev }: HeaderContext): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Next.js inlines its bootstrap and page data as <script> with the nonce.
    // In development React evaluates strings to rebuild server call stacks.
    'script-src': ["'self'", `'nonce-${nonce}'`, ...(dev ? ["'unsafe-eval'"] : [])],
    // tldraw styles elements through the CSSOM, which the policy allows; its one
    // <style> element carries the nonce (BoardCanvas). In development Next's
    // overlay injects <style> without one, and a nonce would void 'unsafe-inline'.
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    // tldraw draws its cursors from data: URLs, its fill patterns from data: and then blob: URLs.
    'img-src': ["'self'", 'data:', 'blob:'],
    // A picture exported by tldraw carries its fonts as data: URLs, which it loads to draw a PNG.
    'font-src': ["'self'", 'data:'],
    // Chromium counts the websocket to our own host (ws:, wss:) as 'self'.
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** Browser features the board never uses, switched off for it and anything it might embed. */
const unusedFeatures = [
  'camera',
  'microphone',
  'geolocation',
  'accelerometer',
  'gyroscope',
  'magnetometer',
  'payment',
  'usb',
  'serial',
  'hid',
  'midi',
  'display-capture',
  'browsing-topics',
]

/** The headers of every page and API answer. */
export function securityHeaders(context: HeaderContext) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(context),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // frame-ancestors says the same to browsers that read the policy; this to those that do not.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': unusedFeatures.map((feature) => `${feature}=()`).join(', '),
  } satisfies Record<string, string>
}
