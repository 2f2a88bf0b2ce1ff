import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { changesState, type HeaderReader, originAllowed } from '../lib/http/origin.ts'
import { securityHeaders } from '../lib/http/securityHeaders.ts'
import { refuse } from './realtime/realtimeServer.ts'

export interface GuardOptions {
  /** Origins besides our own whose pages may change boards (config ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[]
  dev: boolean
}

/**
 * Runs on every HTTP request before Next.js sees it, so route handlers stay
 * thin: puts the security headers on the answer, and refuses (403) a
 * state-changing request sent by a foreign origin's page. Returns whether the
 * request goes on.
 */
export function guardRequest(request: IncomingMessage, response: ServerResponse, options: GuardOptions): boolean {
  const headers = securityHeaders({ nonce: randomBytes(16).toString('base64'), dev: options.dev })
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  // Next.js reads the nonce for its inline scripts from the request's policy.
  request.headers['content-security-policy'] = headers['Content-Security-Policy']
  if (!changesState(request.method) || originAllowed(headerReader(request), options.allowedOrigins)) return true
  response.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'forbidden origin' }))
  return false
}

/** A websocket opened by a foreign origin's page is refused with 403 on its socket. Returns whether it goes on. */
export function guardUpgrade(request: IncomingMessage, socket: Duplex, options: GuardOptions): boolean {
  if (originAllowed(headerReader(request), options.allowedOrigins)) return true
  refuse(socket, 403, 'forbidden origin')
  return false
}

function headerReader(request: IncomingMessage): HeaderReader {
  return (name) => {
    const value = request.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }
}
