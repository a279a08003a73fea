/**
 * Swedish double negation: a negator before an adjective with the negating
 * prefix o- (`inte ovanligt` → `vanligt`, `inte obetydlig` → `betydande`).
 *
 * The adjective is `prefix` + one of the listed `stems` + an inflection
 * (`ovanlig`, `ovanligt`, `ovanliga`). With a lexicon, other o-words count too
 * when the rest is a known word ending like an adjective (`adjectiveEndings`);
 * `notNegated` lists o-words whose o- is no negation (orolig, ordentlig).
 * Up to `maxGap` words from `between` may stand in between (`inte helt ovanligt`).
 */

import type { KindCheck, KindContext, KindMatch, RuleEntry, RuleWord } from '../types.js';
import { adjacent, booleanOption, cachedBy, numberOption, stringList, stringOption, stringSet } from './sv-options.js';

interface DoubleNegationConfig {
  negators: Set<string>;
  prefix: string;
  stems: Set<string>;
  inflections: string[];
  adjectiveEndings: string[];
  notNegated: Set<string>;
  between: Set<string>;
  maxGap: number;
  useLexicon: boolean;
}

const config = cachedBy<DoubleNegationConfig>((entry: RuleEntry) => {
  const inflections = stringList(entry, 'inflections');
  if (!inflections.includes('')) inflections.push('');
  inflections.sort((a, b) => b.length - a.length);
  return {
    negators: stringSet(entry, 'negators'),
    prefix: stringOption(entry, 'prefix', 'o'),
    stems: stringSet(entry, 'stems'),
    inflections,
    adjectiveEndings: stringList(entry, 'adjectiveEndings'),
    notNegated: stringSet(entry, 'notNegated'),
    between: stringSet(entry, 'between'),
    maxGap: numberOption(entry, 'maxGap', 1),
    useLexicon: booleanOption(entry, 'useLexicon', true),
  };
});

function negatedAdjective(word: RuleWord, cfg: DoubleNegationConfig, ctx: KindContext): boolean {
  const lower = word.lower;
  if (!lower.startsWith(cfg.prefix) || cfg.notNegated.has(lower)) return false;
  const rest = lower.slice(cfg.prefix.length);
  if (rest.length < 3) return false;
  for (const inflection of cfg.inflections) {
    if (!rest.endsWith(inflection)) continue;
    const stem = rest.slice(0, rest.length - inflection.length);
    if (cfg.notNegated.has(cfg.prefix + stem)) return false;
    if (cfg.stems.has(stem)) return true;
  }
  if (!cfg.useLexicon || !ctx.lexicon) return false;
  if (!cfg.adjectiveEndings.some((ending) => rest.endsWith(ending))) return false;
  try {
    return ctx.lexicon.isWord(rest);
  } catch {
    return false;
  }
}

function check(sentence: Parameters<KindCheck>[0], entry: RuleEntry, ctx: KindContext): KindMatch[] {
  const cfg = config(entry);
  const words = sentence.words;
  const matches: KindMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const negator = words[i];
    if (!negator || !cfg.negators.has(negator.lower)) continue;
    for (let j = i + 1, gap = 0; j < words.length && gap <= cfg.maxGap; j++, gap++) {
      const word = words[j];
      const left = words[j - 1];
      if (!word || !left || !adjacent(sentence, left, word)) break;
      if (negatedAdjective(word, cfg, ctx)) {
        matches.push({ start: negator.start, end: word.end, params: { match: sentence.text.slice(negator.start, word.end) } });
        i = j;
        break;
      }
      if (!cfg.between.has(word.lower)) break;
    }
  }
  return matches;
}

/** Finds `inte` + o-adjective. */
export const svDoubleNegation: KindCheck = (sentence, entry, ctx) => {
  try {
    return check(sentence, entry, ctx);
  } catch {
    return [];
  }
};
