/**
 * The deletion tokens of the templates this browser saved, by template id:
 * the server answers one when a template is saved and never again, so only
 * this browser can delete it. Sent only as a bearer token to DELETE.
 */
const storageKey = 'eventstorm.templateKeys'

export function templateKey(id: string): string | undefined {
  return readAll()[id]
}

export function rememberTemplateKey(id: string, token: string): void {
  writeAll({ ...readAll(), [id]: token })
}

export function forgetTemplateKey(id: string): void {
  const { [id]: _forgotten, ...rest } = readAll()
  writeAll(rest)
}

function readAll(): Record<string, string> {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  } catch {
    return {}
  }
}

function writeAll(keys: Record<string, string>): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(keys))
  } catch {
    // Private mode or full storage: the template is saved; this browser just cannot delete it later.
  }
}
