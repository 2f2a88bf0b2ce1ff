import { describe, expect, test } from 'vitest'
import { readConfig } from './config.ts'

describe('ALLOWED_ORIGINS', () => {
  test('is empty by default: only the app’s own origin may change boards', () => {
    expect(readConfig({}).allowedOrigins).toEqual([])
  })
  test('reads comma-separated origins, written as a browser sends them', () => {
    expect(readConfig({ ALLOWED_ORIGINS: 'https://Board.Example.com/, http://localhost:8080' }).allowedOrigins).toEqual([
      'https://board.example.com',
      'http://localhost:8080',
    ])
  })
  test('refuses anything that is not an origin, naming the variable', () => {
    expect(() => readConfig({ ALLOWED_ORIGINS: 'https://board.example.com/app' })).toThrow(/ALLOWED_ORIGINS.*"https:\/\/board.example.com\/app"/)
    expect(() => readConfig({ ALLOWED_ORIGINS: 'board.example.com' })).toThrow(/ALLOWED_ORIGINS/)
  })
})
