import { T } from '@tldraw/validate'

/** Bounds on what a board may hold, checked by the shape validators and by import. */
export const limits = {
  text: 2_000,
  name: 200,
  description: 2_000,
  fieldsPerEvent: 200,
  enumValues: 100,
  fieldDepth: 5,
} as const

/** A string validator that refuses more than `max` characters. */
export function boundedString(max: number) {
  return T.string.check((value) => {
    if (value.length > max) throw new Error(`at most ${max} characters`)
  })
}
