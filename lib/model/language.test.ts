import { describe, expect, test } from 'vitest'
import { isImperative, isPastTense, isQuestion, wordsOf } from './language.ts'

describe('past tense', () => {
  test.each([
    'Order Placed',
    'Payment Taken',
    'Budget approved',
    'Conference Dates Established',
    'Sent',
    'Paid',
    'Built',
    'Agreed',
    "Today's Special Ordered",
    'Invitation form sent to potential instructors',
    'Workshop sold out',
    'Tito pricing page set up',
    '# of all types of instructors planned',
  ])('%j names something that happened', (text) => {
    expect(isPastTense(text)).toBe(true)
  })

  test.each(['Typeform', 'Place Order', 'Workshop starts', 'Early Bird tickets become available', 'Max # of tickets sale', 'Speed check', 'Hundred seats', '#'])(
    '%j does not',
    (text) => {
      expect(isPastTense(text)).toBe(false)
    },
  )
})

describe('imperative', () => {
  test.each([
    'Place Order',
    'Send confirmation message',
    'Prepare Pizza',
    'Cancel booked flight',
    'Mark as paid',
    'Set up venue',
    'Read contract',
    'Bring laptop',
    'Document the API',
    'Provision server',
    'Proceed to checkout',
  ])('%j reads as an instruction', (text) => {
    expect(isImperative(text)).toBe(true)
  })

  test.each([
    'Order placed',
    'Order placed by customer',
    "Today's Special Ordered",
    'Confirmation',
    'Payment',
    'Sending invoice',
    'Placed order',
    'Sent reminder',
    'We send the invoice',
    'The customer pays',
  ])('%j does not', (text) => {
    expect(isImperative(text)).toBe(false)
  })

  test('a word it does not know gets the benefit of the doubt', () => {
    expect(isImperative('Geocode address')).toBe(true)
    expect(isImperative('Onboard supplier')).toBe(true)
  })
})

describe('words', () => {
  test('"#", numbers and punctuation are not words; apostrophes inside words are', () => {
    expect(wordsOf("# of 3 tickets: Today's special!")).toEqual(['of', 'tickets', "today's", 'special'])
  })

  test('a question ends with a question mark', () => {
    expect(isQuestion('At what time? ')).toBe(true)
    expect(isQuestion('Time agreed')).toBe(false)
  })
})
