/**
 * Nominalisation in Norwegian bokmål and nynorsk: an empty support verb carrying a verbal noun,
 * "foreta en vurdering" (→ vurdere), "gjennomføre en kartlegging" (→ kartlegge), "gjere ei
 * undersøking" (→ undersøkje).
 *
 * Options (all data, see rules/nb/nominalisation.yaml):
 * - `supportVerbs`: lemmas; every form in the morphology table counts (foretar, foretok, foretas)
 * - `supportForms`: extra exact forms, for forms the morphology may lack
 * - `fillers`: words allowed between verb and noun (articles, determiners, common adjectives)
 * - `adjectiveEndings`: endings that mark an adjective allowed between them (grundig, nærmere)
 * - `maxFillers`: how many words may stand between
 * - `inflections`: noun ending → base ending (vurderingen → vurdering), tried longest first
 * - `nounEndings`: base endings of verbal nouns (ing, else, sjon)
 * - `verbEndings`: base ending → verb ending for the suggestion (ering → ere, ing → e)
 * - `irregular`: base noun → verb where the endings get it wrong (beslutning → beslutte)
 * - `nounExceptions`: nouns in -ing/-else that are not verbal nouns here (ting, utdanning)
 * - `minNounLength`
 */
import type { KindCheck, KindContext, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import { adjacent, byLengthDescending, cachedFor, endsWithAny, numberOption, wordList, wordMap, wordSet } from './no-options.js';

interface NominalisationData {
  supportVerbs: Set<string>;
  supportForms: Set<string>;
  fillers: Set<string>;
  adjectiveEndings: string[];
  maxFillers: number;
  inflections: [string, string][];
  nounEndings: string[];
  verbEndings: [string, string][];
  irregular: Map<string, string>;
  nounExceptions: Set<string>;
  minNounLength: number;
}

const cache = new WeakMap<RuleEntry, NominalisationData>();

function sortedPairs(map: Map<string, string>): [string, string][] {
  return [...map.entries()].sort((a, b) => b[0].length - a[0].length);
}

function data(entry: RuleEntry): NominalisationData {
  return cachedFor(cache, entry, (o) => ({
    supportVerbs: wordSet(o, 'supportVerbs'),
    supportForms: wordSet(o, 'supportForms'),
    fillers: wordSet(o, 'fillers'),
    adjectiveEndings: byLengthDescending(wordList(o, 'adjectiveEndings')),
    maxFillers: numberOption(o, 'maxFillers', 2),
    inflections: sortedPairs(wordMap(o, 'inflections')),
    nounEndings: byLengthDescending(wordList(o, 'nounEndings')),
    verbEndings: sortedPairs(wordMap(o, 'verbEndings')),
    irregular: wordMap(o, 'irregular'),
    nounExceptions: wordSet(o, 'nounExceptions'),
    minNounLength: numberOption(o, 'minNounLength', 6),
  }));
}

function isSupportVerb(lower: string, d: NominalisationData, ctx: KindContext): boolean {
  if (d.supportForms.has(lower) || d.supportVerbs.has(lower)) return true;
  for (const lemma of ctx.morphology.lemmasOf(lower)) if (d.supportVerbs.has(lemma)) return true;
  return false;
}

/** The base form of a verbal noun (vurderingen → vurdering), or undefined for other words. */
function verbalNounBase(lower: string, d: NominalisationData): string | undefined {
  if (lower.length < d.minNounLength) return undefined;
  let base = lower;
  for (const [ending, replacement] of d.inflections) {
    if (lower.endsWith(ending)) {
      base = lower.slice(0, lower.length - ending.length) + replacement;
      break;
    }
  }
  if (!endsWithAny(base, d.nounEndings)) return undefined;
  if (d.nounExceptions.has(base) || d.nounExceptions.has(lower)) return undefined;
  return base;
}

function verbFor(base: string, d: NominalisationData): string | undefined {
  const irregular = d.irregular.get(base);
  if (irregular !== undefined) return irregular;
  for (const [ending, replacement] of d.verbEndings) {
    if (base.endsWith(ending)) return base.slice(0, base.length - ending.length) + replacement;
  }
  return undefined;
}

function isFiller(lower: string, d: NominalisationData): boolean {
  return d.fillers.has(lower) || endsWithAny(lower, d.adjectiveEndings);
}

function check(sentence: SentenceView, d: NominalisationData, ctx: KindContext): KindMatch[] {
  const out: KindMatch[] = [];
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const verb = words[i] as RuleWord;
    if (!isSupportVerb(verb.lower, d, ctx)) continue;
    for (let j = i + 1; j <= i + 1 + d.maxFillers && j < words.length; j++) {
      if (!adjacent(sentence.text, words, j - 1)) break;
      const word = words[j] as RuleWord;
      const base = verbalNounBase(word.lower, d);
      if (base !== undefined) {
        // Without a verb to offer, the finding would tell the writer nothing they can act on.
        const verbForm = verbFor(base, d);
        if (verbForm !== undefined) {
          out.push({
            start: verb.start,
            end: word.end,
            params: { match: sentence.text.slice(verb.start, word.end), noun: word.form, verb: verbForm },
            suggestions: [verbForm],
          });
          i = j;
        }
        break;
      }
      if (!isFiller(word.lower, d)) break;
    }
  }
  return out;
}

/** The nominalisation kind for bokmål and nynorsk. */
export const nominalisationKind: KindCheck = (sentence, entry, ctx) => {
  try {
    return check(sentence, data(entry), ctx);
  } catch {
    return [];
  }
};
