import type { ContractEvent } from './contractModel.ts'

/**
 * `make`, computed once per event and key: every format of an export embeds
 * the same schemas of each event, and a big workshop has a thousand events.
 * What it returns is shared between documents, so nothing may change it
 * (formats spread it into new objects). An event is a new object whenever
 * it changes (a new version, a new export), so nothing stale is served.
 */
export function perEvent<K, A extends unknown[], T extends {}>(make: (event: ContractEvent, key: K, ...rest: A) => T): (event: ContractEvent, key: K, ...rest: A) => T {
  const cache = new WeakMap<ContractEvent, Map<K, T>>()
  return (event, key, ...rest) => {
    let byKey = cache.get(event)
    if (!byKey) cache.set(event, (byKey = new Map()))
    // Nothing made is undefined: one lookup tells whether it was made.
    let made = byKey.get(key)
    if (made === undefined) byKey.set(key, (made = make(event, key, ...rest)))
    return made
  }
}
