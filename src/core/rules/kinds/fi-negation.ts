import type { KindCheck, KindMatch, RuleEntry, RuleWord } from '../types.js';
import { adjacent, bySuffixLength, cached, endsWithAny, optionList, optionSet } from './fi-util.js';

/**
 * A negated negative ("ei ole mahdotonta", "ei ole epätavallista"): a negation
 * verb, a form of "olla", then a word that is itself negative (epä-, -ton/-tön) or
 * listed. Selkokeskus: avoid unnecessary negation; say it positively.
 */

interface NegationOptions {
  negators: ReadonlySet<string>;
  copulas: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  prefixes: string[];
  suffixes: string[];
  words: ReadonlySet<string>;
  exceptions: ReadonlySet<string>;
}

const cache = new WeakMap<RuleEntry, NegationOptions>();

function compile(entry: RuleEntry): NegationOptions {
  return {
    negators: optionSet(entry, 'negators'),
    copulas: optionSet(entry, 'copulas'),
    adverbs: optionSet(entry, 'adverbs'),
    prefixes: bySuffixLength(optionList(entry, 'negativePrefixes')),
    suffixes: bySuffixLength(optionList(entry, 'negativeSuffixes')),
    words: optionSet(entry, 'negativeWords'),
    exceptions: optionSet(entry, 'exceptions'),
  };
}

function negative(o: NegationOptions, lower: string): boolean {
  if (o.exceptions.has(lower)) return false;
  if (o.words.has(lower)) return true;
  for (const p of o.prefixes) if (lower.startsWith(p) && lower.length > p.length + 3) return true;
  return endsWithAny(lower, o.suffixes) !== undefined && lower.length > 5;
}

export const doubleNegationFi: KindCheck = (s, entry) => {
  const o = cached(cache, entry, compile);
  const words = s.words;
  const out: KindMatch[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    const neg = words[i] as RuleWord;
    if (!o.negators.has(neg.lower)) continue;
    let j = i + 1;
    const copula = words[j] as RuleWord;
    if (!o.copulas.has(copula.lower) || !adjacent(s.text, neg.end, copula.start)) continue;
    j++;
    let w = words[j] as RuleWord;
    if (o.adverbs.has(w.lower) && j + 1 < words.length && adjacent(s.text, copula.end, w.start)) {
      j++;
      w = words[j] as RuleWord;
    }
    if (!adjacent(s.text, (words[j - 1] as RuleWord).end, w.start) || !negative(o, w.lower)) continue;
    out.push({ start: neg.start, end: w.end });
    i = j;
  }
  return out;
};
