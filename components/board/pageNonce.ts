import { setNonce } from 'get-nonce'

/**
 * tldraw's dialogs (Radix, through react-remove-scroll) add a `<style>` element
 * while open; the Content-Security-Policy admits it only with this page's
 * nonce, which the server put on the page's scripts (server/guard.ts).
 */
export function adoptPageNonce(): void {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce
  if (nonce) setNonce(nonce)
}
