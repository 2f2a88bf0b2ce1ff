import { oneLine } from './names.ts'

/**
 * Markdown files with YAML frontmatter, as EventCatalog and the tools around
 * it read them (gray-matter, MDX). Sticky text goes into both, so both are
 * written defensively: every frontmatter string double-quoted, so no text can
 * end the frontmatter or turn into a number or a date; body text escaped, so
 * none of it becomes MDX code, HTML or Markdown structure.
 */

type YamlScalar = string | number | boolean
export type YamlValue = YamlScalar | readonly (YamlScalar | YamlObject)[] | YamlObject
export interface YamlObject {
  readonly [key: string]: YamlValue
}

/** What a double-quoted YAML scalar may not hold raw (see `yamlString`). */
const yamlRefuses = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/
const everyYamlRefuses = new RegExp(yamlRefuses.source, 'g')

/**
 * A double-quoted YAML scalar. JSON's string escapes are YAML's too; YAML
 * also refuses a few characters JSON passes through raw (DEL, C1 controls,
 * the line and paragraph separators, BOM, U+FFFE/U+FFFF), so those are escaped.
 */
export function yamlString(text: string): string {
  const json = JSON.stringify(text)
  // Tested first: most text has none of them, and is not copied again.
  return yamlRefuses.test(json) ? json.replace(everyYamlRefuses, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json
}

const yamlScalar = (value: YamlScalar) => (typeof value === 'string' ? yamlString(value) : String(value))

/** Appends the lines of `object` to `out`: a page is written into one array rather than joined from one per entry. */
function yamlLines(object: YamlObject, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(object)) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${indent}${key}: []`)
      else {
        out.push(`${indent}${key}:`)
        for (const item of value) yamlItem(item, `${indent}  `, out)
      }
    } else if (typeof value === 'object') {
      if (Object.keys(value).length === 0) out.push(`${indent}${key}: {}`)
      else {
        out.push(`${indent}${key}:`)
        yamlLines(value as YamlObject, `${indent}  `, out)
      }
    } else out.push(`${indent}${key}: ${yamlScalar(value as YamlScalar)}`)
  }
}

function yamlItem(item: YamlScalar | YamlObject, indent: string, out: string[]): void {
  if (typeof item !== 'object') {
    out.push(`${indent}- ${yamlScalar(item)}`)
    return
  }
  const first = out.length
  yamlLines(item, `${indent}  `, out)
  if (out.length === first) out.push(`${indent}- {}`)
  else out[first] = `${indent}- ${out[first]!.trimStart()}`
}

/** A Markdown document: block-style YAML frontmatter (keys are ours, plain), a blank line, the body. */
export function markdownDocument(frontmatter: YamlObject, body: string): string {
  const lines = ['---']
  yamlLines(frontmatter, '', lines)
  lines.push('---', '', body.trimEnd(), '')
  return lines.join('\n')
}

/** An ASCII mark that could start Markdown or MDX structure (see `markdownText`). */
const markdownMark = /[\\`*_{}[\]<>#|~!:$&]/
const everyMarkdownMark = new RegExp(markdownMark.source, 'g')

/**
 * Sticky text inside a line of Markdown or MDX: on one line, with a backslash
 * before each ASCII punctuation mark that could start something (MDX's `{`
 * and `<`, emphasis, links, code, HTML entities, directives, tables).
 * CommonMark and MDX both read `\` before any ASCII punctuation as the mark itself.
 */
export const markdownText = (text: string) => {
  const line = oneLine(text)
  // Tested first: most text has no such mark, and is not copied again.
  return markdownMark.test(line) ? line.replace(everyMarkdownMark, '\\$&') : line
}

/** A fenced code block that no backticks in `code` can close early: its fence is longer than any run of them. */
export function codeBlock(code: string, language = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((run) => run[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${language}\n${code}\n${fence}`
}
