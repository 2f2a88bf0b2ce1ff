import { describe, expect, test } from 'vitest'
import { presentedToken } from './presentedToken.ts'

describe('the token a request presents', () => {
  test('comes from a bearer header, else from ?token=', () => {
    expect(presentedToken('Bearer abc.def', '/api/boards/x')).toBe('abc.def')
    expect(presentedToken('bearer   abc ', '/api/boards/x')).toBe('abc')
    expect(presentedToken(undefined, '/yjs/board?token=v1.x.y&other=1')).toBe('v1.x.y')
    expect(presentedToken('Bearer header', '/yjs/board?token=query')).toBe('header')
  })

  test('is absent when neither carries one', () => {
    expect(presentedToken(null, '/yjs/board')).toBeUndefined()
    expect(presentedToken('Basic dXNlcg==', '/yjs/board?x=1')).toBeUndefined()
    expect(presentedToken('Bearer', '/yjs/board?token=')).toBeUndefined()
  })
})
