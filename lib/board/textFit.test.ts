import { describe, expect, test } from 'vitest'
import { fitFontSize, stickyFont } from './textFit.ts'

describe('sticky text size', () => {
  test('a short name reads large', () => {
    expect(fitFontSize('Order Placed', 160, 160)).toBeGreaterThanOrEqual(22)
  })
  test('a long sentence shrinks to fit, but never below the readable minimum', () => {
    const sentence = 'Whenever a payment fails three times in a row, then suspend the account and notify the customer by email'
    const size = fitFontSize(sentence, 160, 160)
    expect(size).toBeLessThan(fitFontSize('Payment Failed', 160, 160))
    expect(size).toBeGreaterThanOrEqual(stickyFont.min)
    expect(fitFontSize(sentence.repeat(20), 160, 160)).toBe(stickyFont.min)
  })
  test('a wider sticky fits the same text at a larger size', () => {
    const text = 'Confirmation message sent to the customer'
    expect(fitFontSize(text, 320, 160)).toBeGreaterThan(fitFontSize(text, 160, 160))
  })
})
