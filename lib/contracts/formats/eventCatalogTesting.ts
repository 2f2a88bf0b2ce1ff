import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEFAULT_IGNORE_PATTERNS, parseAllFiles, scanCatalogFiles, shouldIgnoreFile, validateCatalog } from '@eventcatalog/linter'
import { type ExportFile, fileText } from '../exportFiles.ts'

/** For tests: export files written out as a team would unpack them, and a catalog checked as EventCatalog's own tools check it. */

/** Writes the files under a new temporary folder and answers that folder. */
export function writeFiles(files: readonly ExportFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'export-'))
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true })
    writeFileSync(join(root, file.path), fileText(file))
  }
  return root
}

/**
 * Everything EventCatalog's linter finds in a catalog, warnings included and
 * whatever its default rules would drop (they have no entry for
 * `schema/valid-type`, so the CLI stays silent about a number where a string
 * belongs), and the catalog files its default ignore pattern would skip.
 */
export async function lintCatalog(dir: string) {
  const files = await scanCatalogFiles(dir)
  const { parsed, errors } = await parseAllFiles(files)
  return {
    files: files.map((file) => file.relativePath).sort(),
    ignored: files.filter((file) => shouldIgnoreFile(file.relativePath, DEFAULT_IGNORE_PATTERNS)).map((file) => file.relativePath),
    problems: [...errors.map((e) => `${e.file.relativePath}: ${e.error.message}`), ...validateCatalog(parsed).map((e) => `${e.file}: ${e.message} (${e.rule})`)],
  }
}
