import { setNonce } from 'get-nonce'

/**
 * The nonce of this document's Content-Security-Policy, which lets an inline
 * `<style>` in. Read from a script Next.js wrote with it: browsers hide the
 * attribute's value once the page is parsed, not the property. A soft
 * navigation keeps the document, so this stays right when a page's own
 * (newer) nonce would not.
 */
export function documentNonce(): string | undefined {
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || undefined
}

/**
 * tldraw's dialogs (Radix, through react-remove-scroll) add a `<style>`
 * element while open, with the nonce `get-nonce` hands them: this document's.
 */
export function adoptDocumentNonce(): void {
  const nonce = documentNonce()
  if (nonce) setNonce(nonce)
}
