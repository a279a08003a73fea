/**
 * Swedish nominalisation with an empty support verb: the action sits in a noun
 * and the verb says nothing (`genomföra en utvärdering` → `utvärdera`,
 * `utbetalning sker` → `vi betalar ut`).
 *
 * A support verb (`supportVerbs` lemmas via the morphology table, or
 * `supportForms`) is paired with a nominalisation: a word ending in one of
 * `suffixes` (-ning, -else, -tion …) plus an inflection, or a bare noun from
 * `nouns` (kontroll, beslut, ansökan). The noun may follow the verb within
 * `maxGapAfter` words (`gör en ny bedömning`) or precede it within
 * `maxGapBefore` words when the verb is passive or intransitive
 * (`Ansökan om bidrag görs`, `Kontroll sker`). Punctuation and the listed
 * breaker words end the search; a noun right after a preposition belongs to a
 * prepositional phrase, not to the verb (`Efter bedömningen görs …`).
 */

import type { KindCheck, KindContext, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import { adjacent, cachedBy, lemmasOf, numberOption, stringList, stringSet } from './sv-options.js';

interface NominalisationConfig {
  supportVerbs: Set<string>;
  supportForms: Set<string>;
  intransitiveVerbs: Set<string>;
  intransitiveForms: Set<string>;
  suffixes: string[];
  inflections: string[];
  nouns: Set<string>;
  exceptions: Set<string>;
  exceptionHeads: string[];
  breakersAfter: Set<string>;
  breakersBefore: Set<string>;
  prepositions: Set<string>;
  determiners: Set<string>;
  maxGapAfter: number;
  maxGapBefore: number;
  minStem: number;
  verbFromNoun: Array<[string, string]>;
  nounVerbs: Map<string, string>;
}

function pairs(entry: RuleEntry, key: string): Array<[string, string]> {
  const value = entry.options?.[key];
  const out: Array<[string, string]> = [];
  if (!Array.isArray(value)) return out;
  for (const item of value) {
    if (Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'string') {
      out.push([item[0].normalize('NFC').toLowerCase(), item[1].normalize('NFC')]);
    }
  }
  return out;
}

function mapping(entry: RuleEntry, key: string): Map<string, string> {
  const value = entry.options?.[key];
  const out = new Map<string, string>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [noun, verb] of Object.entries(value as Record<string, unknown>)) {
    if (typeof verb === 'string') out.set(noun.normalize('NFC').toLowerCase(), verb.normalize('NFC'));
  }
  return out;
}

const config = cachedBy<NominalisationConfig>((entry) => {
  const inflections = stringList(entry, 'inflections');
  if (!inflections.includes('')) inflections.push('');
  // Longest inflection first, so `-ningarna` is stripped as a whole.
  inflections.sort((a, b) => b.length - a.length);
  return {
    supportVerbs: stringSet(entry, 'supportVerbs'),
    supportForms: stringSet(entry, 'supportForms'),
    intransitiveVerbs: stringSet(entry, 'intransitiveVerbs'),
    intransitiveForms: stringSet(entry, 'intransitiveForms'),
    suffixes: stringList(entry, 'suffixes'),
    inflections,
    nouns: stringSet(entry, 'nouns'),
    exceptions: stringSet(entry, 'exceptions'),
    exceptionHeads: stringList(entry, 'exceptionHeads'),
    breakersAfter: stringSet(entry, 'breakersAfter'),
    breakersBefore: stringSet(entry, 'breakersBefore'),
    prepositions: stringSet(entry, 'prepositions'),
    determiners: stringSet(entry, 'determiners'),
    maxGapAfter: numberOption(entry, 'maxGapAfter', 2),
    maxGapBefore: numberOption(entry, 'maxGapBefore', 3),
    minStem: numberOption(entry, 'minStem', 3),
    verbFromNoun: pairs(entry, 'verbFromNoun'),
    nounVerbs: mapping(entry, 'nounVerbs'),
  };
});

type VerbKind = 'none' | 'active' | 'passive';

/** Is the word a support verb, and may its noun come before it? */
function supportVerbKind(word: RuleWord, cfg: NominalisationConfig, ctx: KindContext): VerbKind {
  const lower = word.lower;
  let support = cfg.supportForms.has(lower) || cfg.intransitiveForms.has(lower);
  let intransitive = cfg.intransitiveForms.has(lower);
  if (!support) {
    for (const lemma of lemmasOf(ctx.morphology, lower)) {
      if (cfg.intransitiveVerbs.has(lemma)) intransitive = true;
      if (cfg.supportVerbs.has(lemma) || cfg.intransitiveVerbs.has(lemma)) support = true;
    }
  }
  if (!support) return 'none';
  // An s-form (görs, genomförs) or an intransitive verb (sker) takes the action noun as subject.
  return intransitive || lower.endsWith('s') ? 'passive' : 'active';
}

/** The noun's base form (inflection removed) when the word is a nominalisation. */
function nominalisationBase(word: RuleWord, cfg: NominalisationConfig): string | undefined {
  const lower = word.lower;
  if (cfg.exceptions.has(lower)) return undefined;
  for (const inflection of cfg.inflections) {
    if (!lower.endsWith(inflection)) continue;
    const base = lower.slice(0, lower.length - inflection.length);
    if (base === '') continue;
    if (cfg.exceptions.has(base)) return undefined;
    if (cfg.exceptionHeads.some((head) => base.endsWith(head))) return undefined;
    if (cfg.nouns.has(base)) return base;
    for (const suffix of cfg.suffixes) {
      if (base.endsWith(suffix) && base.length - suffix.length >= cfg.minStem) return base;
    }
  }
  return undefined;
}

/**
 * A verb to suggest for the noun (`utvärdering` → `utvärdera`). Derivation rules may disagree
 * (`bedömning` → bedöma or bedömna); the frequency table, else a lexicon, picks the real word,
 * and without either only an unambiguous derivation is offered.
 */
function verbFor(base: string, cfg: NominalisationConfig, ctx: KindContext): string | undefined {
  const listed = cfg.nounVerbs.get(base);
  if (listed !== undefined) return listed;
  const candidates: string[] = [];
  for (const [suffix, replacement] of cfg.verbFromNoun) {
    if (!base.endsWith(suffix) || base.length <= suffix.length + 2) continue;
    const verb = base.slice(0, base.length - suffix.length) + replacement;
    if (!candidates.includes(verb)) candidates.push(verb);
  }
  if (candidates.length === 0) return undefined;
  // The frequency table is always loaded; the lexicon only for some texts, so it only breaks ties the table leaves.
  const frequent = ctx.frequency ? candidates.filter((verb) => ctx.frequency?.rank(verb) !== undefined) : [];
  if (frequent.length > 0) return frequent[0];
  const lexicon = ctx.lexicon;
  if (lexicon) {
    for (const verb of candidates) {
      try {
        if (lexicon.isWord(verb)) return verb;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

function matchFor(
  sentence: SentenceView,
  from: RuleWord,
  to: RuleWord,
  noun: RuleWord,
  verb: RuleWord,
  base: string,
  cfg: NominalisationConfig,
  ctx: KindContext,
): KindMatch {
  const suggestion = verbFor(base, cfg, ctx);
  const match: KindMatch = {
    start: from.start,
    end: to.end,
    params: { match: sentence.text.slice(from.start, to.end), noun: noun.form, verb: verb.form, suggestion: suggestion ?? '' },
  };
  if (suggestion !== undefined) match.suggestions = [suggestion];
  return match;
}

/** Is the noun at `index` the object of a preposition (possibly after one determiner)? */
function insidePrepositionalPhrase(sentence: SentenceView, index: number, cfg: NominalisationConfig): boolean {
  let i = index - 1;
  let current = sentence.words[index];
  for (let hops = 0; hops < 2 && i >= 0; hops++, i--) {
    const before = sentence.words[i];
    if (!before || !current || !adjacent(sentence, before, current)) return false;
    if (cfg.prepositions.has(before.lower)) return true;
    if (!cfg.determiners.has(before.lower)) return false;
    current = before;
  }
  return false;
}

function check(sentence: SentenceView, entry: RuleEntry, ctx: KindContext): KindMatch[] {
  const cfg = config(entry);
  const words = sentence.words;
  const matches: KindMatch[] = [];
  let coveredUntil = -1;

  for (let i = 0; i < words.length; i++) {
    const verb = words[i];
    if (!verb) continue;
    const kind = supportVerbKind(verb, cfg, ctx);
    if (kind === 'none') continue;

    // Verb first: `genomföra en utvärdering`, `sker en kontroll`. The last action noun in the window
    // is the head (`genomföra en omfattande utredning`).
    let head: { index: number; base: string } | undefined;
    for (let j = i + 1, gap = 0; j < words.length && gap <= cfg.maxGapAfter; j++, gap++) {
      const word = words[j];
      const left = words[j - 1];
      if (!word || !left || !adjacent(sentence, left, word) || cfg.breakersAfter.has(word.lower)) break;
      const base = nominalisationBase(word, cfg);
      if (base !== undefined) head = { index: j, base };
    }
    const headWord = head ? words[head.index] : undefined;
    if (head && headWord) {
      matches.push(matchFor(sentence, verb, headWord, headWord, verb, head.base, cfg, ctx));
      coveredUntil = head.index;
      continue;
    }
    if (kind !== 'passive') continue;

    // Noun first: `Ansökan om bidrag görs`, `Utbetalningen sker`.
    for (let j = i - 1, gap = 0; j > coveredUntil && gap <= cfg.maxGapBefore; j--, gap++) {
      const word = words[j];
      const right = words[j + 1];
      if (!word || !right || !adjacent(sentence, word, right) || cfg.breakersBefore.has(word.lower)) break;
      const base = nominalisationBase(word, cfg);
      if (base === undefined) continue;
      if (!insidePrepositionalPhrase(sentence, j, cfg)) {
        matches.push(matchFor(sentence, word, verb, word, verb, base, cfg, ctx));
        coveredUntil = i;
      }
      break;
    }
  }
  return matches;
}

/** Finds an empty support verb combined with an action noun. */
export const svNominalisation: KindCheck = (sentence, entry, ctx) => {
  try {
    return check(sentence, entry, ctx);
  } catch {
    return [];
  }
};
