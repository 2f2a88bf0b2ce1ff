import { describe, expect, test } from 'vitest'
import { contentSecurityPolicy, securityHeaders } from './securityHeaders.ts'

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('the Content-Security-Policy of a page', () => {
  const production = directives(contentSecurityPolicy({ nonce: 'abc123==', dev: false }))

  test('loads everything from our own origin only', () => {
    expect(production.get('default-src')).toEqual(["'self'"])
    expect(production.get('connect-src')).toEqual(["'self'"])
    expect(production.get('font-src')).toEqual(["'self'", 'data:'])
    for (const sources of production.values()) {
      expect(sources.filter((source) => /^https?:|\*/.test(source))).toEqual([])
    }
  })
  test('runs no script and applies no <style> but ours and those carrying this request’s nonce', () => {
    expect(production.get('script-src')).toEqual(["'self'", "'nonce-abc123=='"])
    expect(production.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"])
  })
  test('shows images from data: and blob: URLs, which tldraw makes in the browser', () => {
    expect(production.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })
  test('embeds no plugin, in no frame, and keeps links and forms at home', () => {
    expect(production.get('object-src')).toEqual(["'none'"])
    expect(production.get('frame-ancestors')).toEqual(["'none'"])
    expect(production.get('base-uri')).toEqual(["'none'"])
    expect(production.get('form-action')).toEqual(["'self'"])
  })
  test('never allows inline code or evaluated strings', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123==', dev: false })
    expect(policy).not.toContain("'unsafe-inline'")
    expect(policy).not.toContain("'unsafe-eval'")
  })
})

describe('the Content-Security-Policy in development', () => {
  const development = directives(contentSecurityPolicy({ nonce: 'abc123==', dev: true }))

  test('lets React evaluate strings and Next’s overlay inject styles', () => {
    expect(development.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'unsafe-eval'"])
    expect(development.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
  })
  test('still loads nothing from another origin', () => {
    expect(development.get('default-src')).toEqual(["'self'"])
    expect(development.get('connect-src')).toEqual(["'self'"])
  })
})

describe('the security headers of every answer', () => {
  const headers = securityHeaders({ nonce: 'abc123==', dev: false })

  test('carry the page policy and forbid framing, sniffing, referrers and cross-origin use', () => {
    expect(headers).toMatchObject({
      'Content-Security-Policy': contentSecurityPolicy({ nonce: 'abc123==', dev: false }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    })
  })
  test('switch off the camera, the microphone and the location, which the board never uses', () => {
    const features = headers['Permissions-Policy'].split(', ')
    expect(features).toEqual(expect.arrayContaining(['camera=()', 'microphone=()', 'geolocation=()']))
    expect(features.every((feature) => feature.endsWith('=()'))).toBe(true)
  })
})
