/**
 * Swedish s-passive (`beviljas`, `skickades`, `har prövats`, `görs`) and double
 * passive (`föreslås inrättas`).
 *
 * Swedish has no part-of-speech tags at run time, so a word ending in -s is
 * judged by its longest listed suffix: the entry's `passiveEndings` say "verb"
 * (-as, -ades, -ats, -örs …), its `notPassiveEndings` say "genitive or noun"
 * (-ens, -ets, -arnas, -andes …). Deponents and nouns that only look passive
 * are `exceptions`; strong and irregular verbs whose forms no suffix rule
 * covers come from `forms` and from the morphology table (`verbs` lemmas).
 * The word before the candidate settles the rest: after a preposition or a
 * determiner (`för barnets`, `en kvinnas`) no finite verb can follow, and
 * after `den`/`de` a participle-like ending is a genitive (`den försäkrades`), and after
 * `vi`/`ni` a `reciprocal` verb means "each other" (`vi ses`).
 * All of this is data in rules/sv/passive.yaml; the code only combines it.
 */

import type { KindCheck, KindContext, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import {
  adjacent,
  booleanOption,
  cachedBy,
  isAllCaps,
  isCapitalised,
  lemmasOf,
  numberOption,
  stringOption,
  stringList,
  stringSet,
  SuffixTable,
} from './sv-options.js';

type SuffixClass = 'passive' | 'not';

// OECD:s, e-tjänst:s: a colon only ever carries a genitive; a digit means a code, not a verb.
const NOT_A_VERB = /[:\d]/u;

interface PassiveConfig {
  mode: 'single' | 'double';
  exceptions: Set<string>;
  forms: Set<string>;
  verbs: Set<string>;
  suffixes: SuffixTable<SuffixClass>;
  blockedAfter: Set<string>;
  reciprocal: Set<string>;
  reciprocalSubjects: Set<string>;
  articles: Set<string>;
  afterArticle: SuffixTable<'genitive'>;
  afterArticleMinLength: number;
  particles: Set<string>;
  minLength: number;
  skipDouble: boolean;
}

const config = cachedBy<PassiveConfig>((entry: RuleEntry) => ({
  mode: stringOption(entry, 'mode', 'single') === 'double' ? 'double' : 'single',
  exceptions: stringSet(entry, 'exceptions'),
  forms: stringSet(entry, 'forms'),
  verbs: stringSet(entry, 'verbs'),
  suffixes: new SuffixTable<SuffixClass>([
    ['passive', stringList(entry, 'passiveEndings')],
    ['not', stringList(entry, 'notPassiveEndings')],
  ]),
  blockedAfter: stringSet(entry, 'blockedAfter'),
  reciprocal: stringSet(entry, 'reciprocal'),
  reciprocalSubjects: stringSet(entry, 'reciprocalSubjects'),
  articles: stringSet(entry, 'articles'),
  afterArticle: new SuffixTable<'genitive'>([['genitive', stringList(entry, 'afterArticleEndings')]]),
  afterArticleMinLength: numberOption(entry, 'afterArticleMinLength', 6),
  particles: stringSet(entry, 'particles'),
  minLength: numberOption(entry, 'minLength', 3),
  skipDouble: booleanOption(entry, 'skipDouble', false),
}));

/** The word before `index` when nothing but white space separates them. */
function previousWord(sentence: SentenceView, index: number): RuleWord | undefined {
  const word = sentence.words[index];
  const before = sentence.words[index - 1];
  return word && before && adjacent(sentence, before, word) ? before : undefined;
}

function isPassiveAt(sentence: SentenceView, index: number, cfg: PassiveConfig, ctx: KindContext): boolean {
  const word = sentence.words[index];
  if (!word) return false;
  const lower = word.lower;
  if (lower.length < cfg.minLength || !lower.endsWith('s')) return false;
  if (NOT_A_VERB.test(lower)) return false;
  // `idrotts- och fritidsverksamhet`: the first part of a compound, cut at a hyphen.
  if (sentence.text.charAt(word.end - 1) === '-') return false;
  if (cfg.exceptions.has(lower)) return false;
  // A capital inside the sentence marks a name (Sveriges, Annas); acronyms are never verbs.
  if (isAllCaps(word.form)) return false;
  if (index > 0 && isCapitalised(word.form)) return false;

  const before = previousWord(sentence, index);
  if (before && cfg.blockedAfter.has(before.lower)) return false;
  // `Vi ses i morgon`, `Ni hörs`: with a plural person as subject these verbs mean "each other".
  if (before && cfg.reciprocalSubjects.has(before.lower) && cfg.reciprocal.has(lower)) return false;

  const suffixClass = cfg.suffixes.classify(lower);
  let passive: boolean;
  if (cfg.forms.has(lower)) passive = true;
  else if (suffixClass !== 'not' && lemmasOf(ctx.morphology, lower).some((lemma) => cfg.verbs.has(lemma))) passive = true;
  else passive = suffixClass === 'passive';
  if (!passive) return false;

  if (
    before &&
    cfg.articles.has(before.lower) &&
    lower.length >= cfg.afterArticleMinLength &&
    cfg.afterArticle.classify(lower) === 'genitive'
  ) {
    return false;
  }
  return true;
}

/** End offset of the verb, extended over a following verb particle (`tas ut`, `skickas in`). */
function endWithParticle(sentence: SentenceView, index: number, cfg: PassiveConfig): number {
  const word = sentence.words[index];
  const next = sentence.words[index + 1];
  if (!word) return 0;
  if (next && cfg.particles.has(next.lower) && adjacent(sentence, word, next)) return next.end;
  return word.end;
}

function check(sentence: SentenceView, entry: RuleEntry, ctx: KindContext): KindMatch[] {
  const cfg = config(entry);
  const words = sentence.words;
  const passive: boolean[] = new Array<boolean>(words.length);
  for (let i = 0; i < words.length; i++) passive[i] = isPassiveAt(sentence, i, cfg, ctx);

  const inDouble = (i: number): boolean => {
    const word = words[i];
    const next = words[i + 1];
    const prev = words[i - 1];
    return (
      (passive[i] === true && passive[i + 1] === true && word !== undefined && next !== undefined && adjacent(sentence, word, next)) ||
      (passive[i] === true && passive[i - 1] === true && word !== undefined && prev !== undefined && adjacent(sentence, prev, word))
    );
  };

  const matches: KindMatch[] = [];
  if (cfg.mode === 'double') {
    for (let i = 0; i + 1 < words.length; i++) {
      const first = words[i];
      const second = words[i + 1];
      if (!first || !second || !passive[i] || !passive[i + 1] || !adjacent(sentence, first, second)) continue;
      const end = endWithParticle(sentence, i + 1, cfg);
      matches.push({ start: first.start, end, params: { match: sentence.text.slice(first.start, end) } });
      i++;
    }
    return matches;
  }

  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word || !passive[i]) continue;
    if (cfg.skipDouble && inDouble(i)) continue;
    const end = endWithParticle(sentence, i, cfg);
    matches.push({ start: word.start, end, params: { match: sentence.text.slice(word.start, end), verb: word.form } });
  }
  return matches;
}

/** Finds s-passives (options.mode `single`) or two passives in a row (options.mode `double`). */
export const svPassive: KindCheck = (sentence, entry, ctx) => {
  try {
    return check(sentence, entry, ctx);
  } catch {
    return [];
  }
};

/** Exposed for the nominalisation kind and for tests. */
export function passiveAt(sentence: SentenceView, index: number, entry: RuleEntry, ctx: KindContext): boolean {
  try {
    return isPassiveAt(sentence, index, config(entry), ctx);
  } catch {
    return false;
  }
}
