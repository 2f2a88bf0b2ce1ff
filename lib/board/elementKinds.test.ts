import { describe, expect, test } from 'vitest'
import { elementKindDefinitions, elementKinds, kindLabelOpacity } from './elementKinds.ts'

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
/** `ink` drawn at `opacity` over `fill`. */
const blend = (ink: string, fill: string, opacity: number) =>
  `#${channels(ink)
    .map((c, i) => Math.round(c * opacity + channels(fill)[i]! * (1 - opacity)).toString(16).padStart(2, '0'))
    .join('')}`

describe('sticky colours', () => {
  // 4.5:1 is WCAG AA for normal text; stickies keep their colours in dark mode, so this holds in both.
  test.each(elementKinds)('the text on a %s sticky, and its kind written above it, are readable on its colour', (kind) => {
    const { fill, ink } = elementKindDefinitions[kind]
    expect(contrast(ink, fill)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(blend(ink, fill, kindLabelOpacity), fill)).toBeGreaterThanOrEqual(4.5)
  })
})
