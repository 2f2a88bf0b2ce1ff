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
