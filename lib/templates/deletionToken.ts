import { createHmac, timingSafeEqual } from 'node:crypto'
import { deriveKey } from '../auth/serverSecret.ts'

/**
 * What proves its holder saved a template: an HMAC-SHA256 over the template
 * id, keyed from the server's link key, answered once when the template is
 * saved and kept by that browser. Nothing is stored: the server recomputes
 * it, so a forged or another template's token fails the constant-time
 * comparison. Rotating SECRET invalidates every such token, as it does links.
 *
 *   token = base64url(HMAC-SHA256(deriveKey(linkKey, "template-deletion"), "eventstorm-template/v1" NUL templateId))
 */
const macBytes = 32

export function templateDeletionToken(linkKey: Buffer, templateId: string): string {
  return mac(linkKey, templateId).toString('base64url')
}

export function mayDeleteTemplate(linkKey: Buffer, templateId: string, presented: string | undefined): boolean {
  if (presented === undefined) return false
  const given = Buffer.from(presented, 'base64url')
  if (given.length !== macBytes || given.toString('base64url') !== presented) return false
  return timingSafeEqual(given, mac(linkKey, templateId))
}

function mac(linkKey: Buffer, templateId: string): Buffer {
  return createHmac('sha256', deriveKey(linkKey, 'template-deletion')).update(`eventstorm-template/v1\0${templateId}`).digest()
}
