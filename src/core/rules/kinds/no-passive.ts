/**
 * Passive voice in Norwegian bokmål and nynorsk.
 *
 * One kind serves several rule entries; `options.mode` picks the construction and the rest of
 * `options` holds the word lists, so the logic here carries no vocabulary of its own:
 *
 * - `s-passive` (bokmål): present/infinitive s-passive, "søknaden behandles", "det gis tilskudd".
 *   Deponents (finnes, synes, lykkes) and genitives (kommunens, en kommunes, innbyggernes) are
 *   not passives.
 * - `ast-present` (nynorsk): s-passive in -ast without a modal verb, "søknaden behandlast". Nynorsk
 *   allows the s-passive only in the infinitive, after a modal (skal, kan, må …), so Språkrådet
 *   calls the present-tense form "den vanlegaste nynorskfeilen".
 * - `ast-modal` (nynorsk): the correct s-passive after a modal, "søknaden må sendast", reported
 *   as an ordinary passive.
 * - `periphrastic` (both): bli/verte + participle ("blir behandlet", "vart sendt") and, with
 *   stricter checks, være/vere + participle ("er innvilget").
 */
import type { KindCheck, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import {
  adjacent,
  byLengthDescending,
  cachedFor,
  endsWithAny,
  isCapitalised,
  numberOption,
  onlySpaceBetween,
  stringOption,
  wordList,
  wordSet,
} from './no-options.js';

interface PassiveData {
  mode: string;
  suffix: string;
  minLength: number;
  shortForms: Set<string>;
  deponents: Set<string>;
  notPassive: Set<string>;
  nonVerbEndings: string[];
  genitiveEndings: string[];
  genitiveEndingExceptions: Set<string>;
  determiners: Set<string>;
  ambiguousAfter: Set<string>;
  functionWords: Set<string>;
  reciprocal: Set<string>;
  reciprocalSubjects: Set<string>;
  copulas: Set<string>;
  modals: Set<string>;
  breakers: Set<string>;
  coordinators: Set<string>;
  lookBack: number;
  // periphrastic
  auxiliaries: Set<string>;
  stateAuxiliaries: Set<string>;
  maxGap: number;
  participleEndings: string[];
  nonParticipleEndings: string[];
  ambiguousEndings: string[];
  strongParticiples: Set<string>;
  notParticiples: Set<string>;
  stateParticiples: Set<string>;
  nounContext: Set<string>;
  minParticipleLength: number;
}

const cache = new WeakMap<RuleEntry, PassiveData>();

function data(entry: RuleEntry): PassiveData {
  return cachedFor(cache, entry, (o) => ({
    mode: stringOption(o, 'mode', 's-passive'),
    suffix: stringOption(o, 'suffix', 'es').toLowerCase(),
    minLength: numberOption(o, 'minLength', 5),
    shortForms: wordSet(o, 'shortForms'),
    deponents: wordSet(o, 'deponents'),
    notPassive: wordSet(o, 'notPassive'),
    nonVerbEndings: byLengthDescending(wordList(o, 'nonVerbEndings')),
    genitiveEndings: byLengthDescending(wordList(o, 'genitiveEndings')),
    genitiveEndingExceptions: wordSet(o, 'genitiveEndingExceptions'),
    determiners: wordSet(o, 'determiners'),
    ambiguousAfter: wordSet(o, 'ambiguousAfter'),
    functionWords: wordSet(o, 'functionWords'),
    reciprocal: wordSet(o, 'reciprocal'),
    reciprocalSubjects: wordSet(o, 'reciprocalSubjects'),
    copulas: wordSet(o, 'copulas'),
    modals: wordSet(o, 'modals'),
    breakers: wordSet(o, 'breakers'),
    coordinators: wordSet(o, 'coordinators'),
    lookBack: numberOption(o, 'lookBack', 5),
    auxiliaries: wordSet(o, 'auxiliaries'),
    stateAuxiliaries: wordSet(o, 'stateAuxiliaries'),
    maxGap: numberOption(o, 'maxGap', 2),
    participleEndings: byLengthDescending(wordList(o, 'participleEndings')),
    nonParticipleEndings: byLengthDescending(wordList(o, 'nonParticipleEndings')),
    ambiguousEndings: wordList(o, 'ambiguousEndings'),
    strongParticiples: wordSet(o, 'strongParticiples'),
    notParticiples: new Set([...wordList(o, 'notParticiples'), ...wordList(o, 'definiteNouns')]),
    stateParticiples: wordSet(o, 'stateParticiples'),
    nounContext: wordSet(o, 'nounContext'),
    minParticipleLength: numberOption(o, 'minParticipleLength', 4),
  }));
}

function match(word: RuleWord): KindMatch {
  return { start: word.start, end: word.end, params: { match: word.form } };
}

/** The word after `i` when nothing but white space separates them. */
function nextAdjacent(sentence: SentenceView, i: number): RuleWord | undefined {
  return adjacent(sentence.text, sentence.words, i) ? sentence.words[i + 1] : undefined;
}

function previousAdjacent(sentence: SentenceView, i: number): RuleWord | undefined {
  return i > 0 && adjacent(sentence.text, sentence.words, i - 1) ? sentence.words[i - 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Bokmål s-passive

function sPassive(sentence: SentenceView, d: PassiveData): KindMatch[] {
  const out: KindMatch[] = [];
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as RuleWord;
    const lower = word.lower;
    const short = d.shortForms.has(lower);
    if (!short && !(lower.length >= d.minLength && lower.endsWith(d.suffix))) continue;
    if (d.deponents.has(lower) || d.notPassive.has(lower)) continue;
    if (!short && endsWithAny(lower, d.nonVerbEndings)) continue;
    // Genitive plurals (kommunenes, innbyggernes) share the ending; a few verbs end the same way.
    if (endsWithAny(lower, d.genitiveEndings) && !d.genitiveEndingExceptions.has(lower)) continue;
    const next = nextAdjacent(sentence, i);
    if (isCapitalised(word.form)) {
      // A capital inside a sentence is a name ("Norges", "Agnes"); at the start it is a passive
      // only when a pronoun or function word follows ("Behandles den …").
      if (i > 0) continue;
      if (next === undefined || !d.functionWords.has(next.lower)) continue;
    }
    const previous = previousAdjacent(sentence, i);
    // "en kommunes ansvar", "hver skoles plan": an indefinite genitive of a noun in -e.
    if (previous !== undefined && d.determiners.has(previous.lower)) continue;
    // "de eldres", "den enkeltes": an adjective used as a noun, in the genitive, unless what
    // follows shows a verb ("de sendes ut", "den brukes.").
    if (previous !== undefined && d.ambiguousAfter.has(previous.lower)) {
      const following = words[i + 1];
      const endsClause = following === undefined || !onlySpaceBetween(sentence.text, word.end, following.start);
      if (!endsClause && !(next !== undefined && d.functionWords.has(next.lower))) continue;
    }
    // "vi treffes", "dere ses": reciprocal, not passive.
    if (d.reciprocal.has(lower) && hasBefore(words, i, 3, d.reciprocalSubjects)) continue;
    out.push(match(word));
  }
  return out;
}

function hasBefore(words: readonly RuleWord[], i: number, span: number, set: Set<string>): boolean {
  for (let j = Math.max(0, i - span); j < i; j++) if (set.has((words[j] as RuleWord).lower)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Nynorsk -ast passive

/** Is word i an -ast verb form (not a superlative, noun or deponent)? */
function isAstPassive(sentence: SentenceView, i: number, d: PassiveData): boolean {
  const word = sentence.words[i] as RuleWord;
  const lower = word.lower;
  if (!d.shortForms.has(lower)) {
    if (lower.length < d.minLength || !lower.endsWith(d.suffix)) return false;
    if (endsWithAny(lower, d.nonVerbEndings)) return false;
  }
  if (d.deponents.has(lower) || d.notPassive.has(lower)) return false;
  if (i > 0 && isCapitalised(word.form)) return false;
  // A superlative follows a copula or an intensifier: "er enklast", "var aller størst".
  for (let j = i - 1, seen = 0; j >= 0 && seen < 2; j--, seen++) {
    if (!adjacent(sentence.text, sentence.words, j)) break;
    if (d.copulas.has((sentence.words[j] as RuleWord).lower)) return false;
  }
  return true;
}

/** A modal verb (or the infinitive marker å) earlier in the same clause licenses the -ast form. */
function licensed(sentence: SentenceView, i: number, d: PassiveData): boolean {
  const words = sentence.words;
  for (let j = i - 1, steps = 0; j >= 0 && steps < d.lookBack; j--, steps++) {
    if (!adjacent(sentence.text, words, j)) return false;
    const lower = (words[j] as RuleWord).lower;
    if (d.modals.has(lower)) return true;
    // "skal lesast og vurderast": a coordinated -ast form shares the modal of the first.
    if (d.coordinators.has(lower)) {
      const before = words[j - 1];
      if (before !== undefined && before.lower.endsWith(d.suffix) && adjacent(sentence.text, words, j - 1)) continue;
      return false;
    }
    if (d.breakers.has(lower)) return false;
  }
  return false;
}

function astPassive(sentence: SentenceView, d: PassiveData, wantLicensed: boolean): KindMatch[] {
  const out: KindMatch[] = [];
  for (let i = 0; i < sentence.words.length; i++) {
    if (!isAstPassive(sentence, i, d)) continue;
    if (licensed(sentence, i, d) === wantLicensed) out.push(match(sentence.words[i] as RuleWord));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// bli/verte/være + participle

function participleShape(lower: string, d: PassiveData): boolean {
  // The exclusions win: "blir kjent med" is not a passive even though "kjent" is a participle.
  if (d.notParticiples.has(lower)) return false;
  if (d.strongParticiples.has(lower)) return true;
  if (lower.length < d.minParticipleLength) return false;
  if (!endsWithAny(lower, d.participleEndings)) return false;
  return !endsWithAny(lower, d.nonParticipleEndings);
}

function isAmbiguous(lower: string, d: PassiveData): boolean {
  return !d.strongParticiples.has(lower) && endsWithAny(lower, d.ambiguousEndings);
}

function periphrastic(sentence: SentenceView, d: PassiveData): KindMatch[] {
  const out: KindMatch[] = [];
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const aux = words[i] as RuleWord;
    const dynamic = d.auxiliaries.has(aux.lower);
    const state = !dynamic && d.stateAuxiliaries.has(aux.lower);
    if (!dynamic && !state) continue;
    let found = -1;
    for (let j = i + 1; j <= i + 1 + d.maxGap && j < words.length; j++) {
      if (!adjacent(sentence.text, words, j - 1)) break;
      const candidate = words[j] as RuleWord;
      const lower = candidate.lower;
      // Another auxiliary starts its own construction ("er blitt behandlet" is found from "blitt").
      if (d.breakers.has(lower) || d.auxiliaries.has(lower) || d.stateAuxiliaries.has(lower)) break;
      // A capital inside the sentence is a name ("fylket er Innlandet"), never a participle.
      if (isCapitalised(candidate.form) || !participleShape(lower, d)) continue;
      // "blir vedtaket sendt": a noun in -et/-a is the subject when a participle follows it.
      if (isAmbiguous(lower, d) && j + 1 < words.length && adjacent(sentence.text, words, j)) {
        const after = (words[j + 1] as RuleWord).lower;
        if (participleShape(after, d) && !d.breakers.has(after)) continue;
      }
      found = j;
      break;
    }
    if (found < 0) continue;
    const participle = words[found] as RuleWord;
    if (state) {
      if (d.stateParticiples.has(participle.lower)) continue;
      // "Dette er resultatet": after det/dette/hva + være, a word in -et/-a is a noun.
      const before = previousAdjacent(sentence, i);
      if (isAmbiguous(participle.lower, d) && before !== undefined && d.nounContext.has(before.lower)) continue;
    }
    out.push({ start: aux.start, end: participle.end, params: { match: sentence.text.slice(aux.start, participle.end) } });
    i = found;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The passive kind for bokmål and nynorsk; `options.mode` picks the construction. */
export const passiveKind: KindCheck = (sentence, entry) => {
  try {
    const d = data(entry);
    switch (d.mode) {
      case 's-passive':
        return sPassive(sentence, d);
      case 'ast-present':
        return astPassive(sentence, d, false);
      case 'ast-modal':
        return astPassive(sentence, d, true);
      case 'periphrastic':
        return periphrastic(sentence, d);
      default:
        return [];
    }
  } catch {
    // A rule must never take down a check; a broken entry simply finds nothing.
    return [];
  }
};
