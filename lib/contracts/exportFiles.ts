/** One file of an export: where it goes in a bundle, and its text. */
export interface ExportFile {
  path: string
  content: string
}

/** JSON as every export writes it: two-space indent and a final newline, so files diff well and stay byte-identical. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** A document per key, each as a JSON file under `folder`. */
export const jsonFiles = (folder: string, documents: Record<string, unknown>, fileName = (key: string) => key): ExportFile[] =>
  Object.entries(documents).map(([key, document]) => ({ path: `${folder}/${fileName(key)}.json`, content: jsonText(document) }))

/**
 * Whether a path stays inside the folder it is written to: relative, no `..`
 * or empty segment, no backslash. Paths are made from names people typed, so
 * whatever writes them (the zip, the command line) checks.
 */
export const isSafePath = (path: string) => path.length > 0 && !path.startsWith('/') && !path.includes('\\') && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
