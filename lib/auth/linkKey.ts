import { type Config, readConfig } from '../config.ts'
import { deriveKey, loadServerSecret } from './serverSecret.ts'

/** The key capability links are signed with, derived from the server's secret (SECRET, or the one in DATA_DIR). */
export function linkKeyFrom(config: Config): Buffer {
  return deriveKey(loadServerSecret(config.secret, config.dataDir), 'capability-links')
}

// The custom server and Next's route handlers (bundled apart) share one key through globalThis.
const key = Symbol.for('eventstorm.linkKey')
type Holder = { [key]?: Buffer }

/** The process-wide key: the one the server installed, else derived from the environment once. */
export function linkKey(): Buffer {
  const holder = globalThis as Holder
  holder[key] ??= linkKeyFrom(readConfig())
  return holder[key]
}

export function setLinkKey(value: Buffer): void {
  ;(globalThis as Holder)[key] = value
}
