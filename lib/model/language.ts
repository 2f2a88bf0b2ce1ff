/**
 * English heuristics for sticky names: a domain event is named in the past
 * tense ("Order Placed"), a command in the imperative ("Place Order"). Each
 * answers "no" only on evidence, because a check that cries wolf on a word it
 * does not know is noise: an unknown word gets the benefit of the doubt.
 */

/** Lower-case words: letters with inner apostrophes ("today's"); "#", digits and punctuation are not words. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []
}

export function isQuestion(text: string): boolean {
  return text.trim().endsWith('?')
}

/** Whether any word is a past form: "Order Placed", "Payment Taken", "Invitation sent to instructors", "Sent". */
export function isPastTense(text: string): boolean {
  return wordsOf(text).some((word) => isRegularPast(word) || irregularPast.has(word))
}

/** Whether a command reads as an instruction, verb first: "Place Order", "Send confirmation message". */
export function isImperative(text: string): boolean {
  const words = wordsOf(text)
  const [first] = words
  if (first === undefined) return true
  const startsAsStatement = subjects.has(first) || isGerund(first) || isNoun(first) || isDistinctPast(first)
  return !startsAsStatement && !readsAsPassive(words)
}

// A verb ending in "-ed" is past; most "-eed" words are not ("need", "proceed").
const pastEndingInEed = new Set(['agreed', 'disagreed', 'freed', 'guaranteed', 'decreed', 'refereed'])
const notPastEndingInEd = new Set(['shed', 'sled', 'shred', 'embed', 'hundred', 'sacred', 'kindred', 'hatred', 'naked', 'wicked'])

function isRegularPast(word: string): boolean {
  if (word.length < 4 || !word.endsWith('ed')) return false
  return word.endsWith('eed') ? pastEndingInEed.has(word) : !notPastEndingInEd.has(word)
}

/**
 * Base, past and past participle, alternatives split by "/". Left out: verbs
 * whose participle is their base and reads as present in a sticky's name
 * ("tickets become available", "customers come back").
 */
const irregularVerbs = `
  be was/were been; begin began begun; bend bent bent; bet bet bet; bid bid bid
  bind bound bound; bite bit bitten; bleed bled bled; blow blew blown; break broke broken; breed bred bred
  bring brought brought; broadcast broadcast broadcast; build built built; burn burnt burnt; buy bought bought
  cast cast cast; catch caught caught; choose chose chosen; cost cost cost; cut cut cut
  deal dealt dealt; dig dug dug; do did done; draw drew drawn; drink drank drunk; drive drove driven
  eat ate eaten; fall fell fallen; feed fed fed; feel felt felt; fight fought fought; find found found
  fly flew flown; forbid forbade forbidden; forecast forecast forecast; forget forgot forgotten
  forgive forgave forgiven; freeze froze frozen; get got got/gotten; give gave given; go went gone
  grow grew grown; hang hung hung; have had had; hear heard heard; hide hid hidden; hit hit hit
  hold held held; hurt hurt hurt; keep kept kept; know knew known; lay laid laid; lead led led
  leave left left; lend lent lent; let let let; light lit lit; lose lost lost; make made made
  mean meant meant; meet met met; mistake mistook mistaken; overpay overpaid overpaid; override overrode overridden
  oversee oversaw overseen; pay paid paid; prepay prepaid prepaid; put put put; quit quit quit; read read read
  rebuild rebuilt rebuilt; redo redid redone; remake remade remade; repay repaid repaid; resell resold resold
  reset reset reset; rewrite rewrote rewritten; ride rode ridden; ring rang rung; rise rose risen
  say said said; see saw seen; seek sought sought; sell sold sold; send sent sent; set set set
  shake shook shaken; shoot shot shot; show showed shown; shrink shrank shrunk; shut shut shut
  sing sang sung; sink sank sunk; sit sat sat; sleep slept slept; slide slid slid; speak spoke spoken
  speed sped sped; spend spent spent; spin spun spun; split split split; spread spread spread
  stand stood stood; steal stole stolen; stick stuck stuck; strike struck struck; swear swore sworn
  sweep swept swept; swim swam swum; swing swung swung; take took taken; teach taught taught
  tear tore torn; tell told told; think thought thought; throw threw thrown; undergo underwent undergone
  underpay underpaid underpaid; understand understood understood; undertake undertook undertaken
  undo undid undone; upset upset upset; wake woke woken; wear wore worn; win won won
  withdraw withdrew withdrawn; withhold withheld withheld; write wrote written`
  .split(';')
  .map((verb) => verb.trim().split(/\s+/))

const irregularBases = new Set(irregularVerbs.map(([base]) => base))
const irregularPast = new Set(irregularVerbs.flatMap(([, past = '', participle = '']) => [...past.split('/'), ...participle.split('/')]))

/** Past forms that are verbs of their own too ("found a company", "saw wood"). */
const alsoBaseForms = new Set(['found', 'saw', 'fell'])

/** A past form that cannot be read as a base form: "placed" and "sent" are past, "set" and "read" may not be. */
function isDistinctPast(word: string): boolean {
  return isRegularPast(word) || (irregularPast.has(word) && !irregularBases.has(word) && !alsoBaseForms.has(word))
}

/** Words that open a statement about someone, not an instruction. */
const subjects = new Set(['the', 'a', 'an', 'i', 'we', 'you', 'they', 'he', 'she', 'it', 'our', 'my', 'your', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those'])

const baseFormsEndingInIng = new Set(['bring', 'spring', 'string', 'swing', 'sting', 'sling', 'fling', 'cling', 'wring'])

function isGerund(word: string): boolean {
  return word.length >= 5 && word.endsWith('ing') && !baseFormsEndingInIng.has(word)
}

/** Suffixes that make nouns ("confirmation", "payment", "availability"), but for verbs that end alike. */
const nounSuffix = /.{3}(?:tion|sion|ment|ness|ity)$/
const verbsWithNounSuffix = new Set([
  'mention', 'question', 'position', 'function', 'sanction', 'auction', 'partition', 'petition', 'caution', 'condition',
  'commission', 'provision', 'section', 'motion', 'station', 'envision', 'implement', 'document', 'comment', 'augment',
  'segment', 'supplement', 'complement', 'compliment', 'experiment', 'harness', 'witness',
])

function isNoun(word: string): boolean {
  return nounSuffix.test(word) && !verbsWithNounSuffix.has(word)
}

/** Words before a participle that make it a complement of an instruction: "mark as paid", "set to approved", "get it done". */
const complementMarkers = new Set(['as', 'to', 'be', 'been', 'get', 'it', 'them'])
const particles = new Set(['to', 'by', 'for', 'with', 'from', 'in', 'on', 'at', 'via', 'into', 'out', 'up', 'down', 'off', 'back', 'after', 'before', 'if'])

/** An event's word order, a noun then what happened to it: "Order placed", "Order placed by customer". */
function readsAsPassive(words: readonly string[]): boolean {
  const [, second, third] = words
  const last = words.at(-1)!
  const secondLast = words.at(-2)
  const endsInParticiple = secondLast !== undefined && isDistinctPast(last) && !complementMarkers.has(secondLast)
  const secondIsParticiple = second !== undefined && third !== undefined && isDistinctPast(second) && particles.has(third)
  return endsInParticiple || secondIsParticiple
}
