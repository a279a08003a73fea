/**
 * English nominalisation ("hidden verbs"): an empty support verb whose action sits in a noun,
 * as in "make a decision" (decide), "carry out an inspection" (inspect), "give consideration to"
 * (consider).
 *
 * The support verbs (as lemmas, inflected through the morphology table), the action-noun endings,
 * the exceptions and the verb suggestions come from the entry's `options`
 * (rules/en/nominalisation.yaml). Two checks keep precision up: only determiners and a short list
 * of adjectives may stand between verb and noun, and the noun must end its phrase — "make the
 * application process simpler" is not "make an application".
 */

import type { KindCheck, KindContext, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import { cachedData, key, numberOption, onlySpaceBetween, stringMap, stringOption, stringSet, wordKey } from './en-options.js';

interface SupportVerb {
  verb: string;
  /** A word that must follow the verb ("carry out", "come to"). */
  particle: string | undefined;
  /** When set, the only nouns this verb takes; otherwise any action noun. */
  nouns: ReadonlySet<string> | undefined;
}

interface NominalData {
  byLemma: ReadonlyMap<string, readonly SupportVerb[]>;
  suffixes: readonly string[];
  nouns: ReadonlySet<string>;
  /** Single nouns, and "verb noun" pairs, that are never reported. */
  exceptions: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
  maxGap: number;
  followers: ReadonlySet<string>;
  adverbSuffix: string | undefined;
  verbs: ReadonlyMap<string, string>;
}

const cache = new WeakMap<RuleEntry, NominalData>();

function supportVerbs(options: Record<string, unknown> | undefined): Map<string, SupportVerb[]> {
  const byLemma = new Map<string, SupportVerb[]>();
  const raw = options?.supportVerbs;
  if (!Array.isArray(raw)) return byLemma;
  for (const item of raw) {
    // Accept both `- make` and `- { verb: make, particle: out }`.
    const spec = typeof item === 'string' ? { verb: item } : item;
    if (!spec || typeof spec !== 'object') continue;
    const fields = spec as Record<string, unknown>;
    if (typeof fields.verb !== 'string' || fields.verb.trim() === '') continue;
    const verb = key(fields.verb.trim());
    const nouns = Array.isArray(fields.nouns) ? stringSet(fields, 'nouns') : undefined;
    const entry: SupportVerb = { verb, particle: stringOption(fields, 'particle'), nouns };
    const list = byLemma.get(verb);
    if (list) list.push(entry);
    else byLemma.set(verb, [entry]);
  }
  return byLemma;
}

function build(options: Record<string, unknown> | undefined): NominalData {
  return {
    byLemma: supportVerbs(options),
    suffixes: [...stringSet(options, 'suffixes')],
    nouns: stringSet(options, 'nouns'),
    exceptions: stringSet(options, 'exceptions'),
    determiners: stringSet(options, 'determiners'),
    modifiers: stringSet(options, 'modifiers'),
    maxGap: numberOption(options, 'maxGap', 3),
    followers: stringSet(options, 'followers'),
    adverbSuffix: stringOption(options, 'adverbSuffix') ?? 'ly',
    verbs: stringMap(options, 'verbs'),
  };
}

/** enquiries → enquiry, decisions → decision; "analysis", "process" stay as they are. */
function singular(noun: string): string {
  if (noun.endsWith('ies') && noun.length > 4) return `${noun.slice(0, -3)}y`;
  if (noun.endsWith('s') && !noun.endsWith('ss') && !noun.endsWith('is') && !noun.endsWith('us')) return noun.slice(0, -1);
  return noun;
}

function isActionNoun(spec: SupportVerb, noun: string, one: string, d: NominalData): boolean {
  if (spec.nouns) return spec.nouns.has(one) || spec.nouns.has(noun);
  if (d.exceptions.has(one) || d.exceptions.has(noun) || d.exceptions.has(`${spec.verb} ${one}`)) return false;
  if (d.nouns.has(one) || d.nouns.has(noun)) return true;
  for (const suffix of d.suffixes) {
    if (one.length >= suffix.length + 3 && one.endsWith(suffix)) return true;
  }
  return false;
}

/** The noun ends its phrase: nothing follows, punctuation follows, or a preposition, conjunction or adverb. */
function endsPhrase(text: string, noun: RuleWord, next: RuleWord | undefined, d: NominalData): boolean {
  if (!next || !onlySpaceBetween(text, noun.end, next.start)) return true;
  const k = wordKey(next);
  if (d.followers.has(k)) return true;
  const suffix = d.adverbSuffix;
  return suffix !== undefined && k.length > suffix.length + 2 && k.endsWith(suffix);
}

/** The word a support verb's object starts at, or -1 when the particle ("out" in "carry out") is missing. */
function afterVerb(s: SentenceView, i: number, spec: SupportVerb): number {
  if (!spec.particle) return i + 1;
  const p = s.words[i + 1];
  if (!p || wordKey(p) !== spec.particle || !onlySpaceBetween(s.text, s.words[i]!.end, p.start)) return -1;
  return i + 2;
}

const SPACES = /\s+/g;

function matchAt(s: SentenceView, i: number, spec: SupportVerb, d: NominalData): KindMatch | undefined {
  const { words, text } = s;
  let pos = afterVerb(s, i, spec);
  if (pos < 0) return undefined;
  for (let gap = 0; pos < words.length; pos++, gap++) {
    const w = words[pos]!;
    if (!onlySpaceBetween(text, words[pos - 1]!.end, w.start)) return undefined;
    const k = wordKey(w);
    const one = singular(k);
    if (isActionNoun(spec, k, one, d)) {
      if (!endsPhrase(text, w, words[pos + 1], d)) return undefined;
      const from = words[i]!.start;
      const verb = d.verbs.get(one) ?? d.verbs.get(k);
      return {
        start: from,
        end: w.end,
        params: { match: text.slice(from, w.end).replace(SPACES, ' '), noun: w.form, ...(verb ? { verb } : {}) },
        ...(verb ? { suggestions: [verb] } : {}),
      };
    }
    if (gap >= d.maxGap || !(d.determiners.has(k) || d.modifiers.has(k))) return undefined;
  }
  return undefined;
}

function find(s: SentenceView, d: NominalData, ctx: KindContext): KindMatch[] {
  const out: KindMatch[] = [];
  if (d.byLemma.size === 0) return out;
  for (let i = 0; i < s.words.length - 1; i++) {
    const k = wordKey(s.words[i]!);
    let match = matchSpecs(s, i, d.byLemma.get(k), d);
    if (!match) {
      for (const lemma of ctx.morphology.lemmasOf(k)) {
        if (lemma === k) continue;
        match = matchSpecs(s, i, d.byLemma.get(lemma), d);
        if (match) break;
      }
    }
    if (match) out.push(match);
  }
  return out;
}

function matchSpecs(s: SentenceView, i: number, specs: readonly SupportVerb[] | undefined, d: NominalData): KindMatch | undefined {
  if (!specs) return undefined;
  for (const spec of specs) {
    const m = matchAt(s, i, spec, d);
    if (m) return m;
  }
  return undefined;
}

/** The `nominalisation` kind for English. */
export const nominalisationEn: KindCheck = (sentence, entry, ctx) => {
  try {
    return find(sentence, cachedData(cache, entry, build), ctx);
  } catch {
    return [];
  }
};
