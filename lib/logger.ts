/**
 * Where the server's messages go. Injected (as tldraw's TLSocketRoom takes
 * `log`), so tests can read what was logged. Never give it a URL, a header or
 * a token: links carry their token in the URL.
 */
export interface Logger {
  info(message: string): void
  warn(message: string, error?: unknown): void
  error(message: string, error?: unknown): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message, error) => (error === undefined ? console.warn(message) : console.warn(message, error)),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
}
