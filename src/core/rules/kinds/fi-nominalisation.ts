import type { KindCheck, KindContext, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import { adjacent, bySuffixLength, cached, endsWithAny, isName, optionList, optionNumber, optionSet } from './fi-util.js';

/**
 * Finnish nominal style (Kotus: "haitallisen tiivis ilmaisu"). Two constructions,
 * chosen per entry by its options:
 *
 * - `pairs`: an empty support verb with an action noun, in either order and a few
 *   words apart: "suorittaa tarkastus", "tarkastus suoritetaan", "tehdä päätös" →
 *   tarkastaa, päättää. Verbs and nouns are lemmas looked up in the morphology
 *   table; a noun may also be a fixed form ("tiedoksi").
 * - `suffixes`: a verbal noun in -minen with a genitive modifier: "tuen
 *   myöntäminen", "hakemuksen käsittelemisestä". A bare verbal noun ("Suomessa
 *   asuminen") is ordinary Finnish; the genitive object is what packs a clause
 *   into a noun phrase.
 */

interface Pair {
  suggestion: string | undefined;
}

interface NominalOptions {
  pairs: Pair[];
  verbs: Map<string, number[]>;
  nouns: Map<string, number[]>;
  window: number;
  suffixes: string[];
  exceptions: ReadonlySet<string>;
  notModifiers: ReadonlySet<string>;
  modifierExceptionEndings: string[];
  coordinators: ReadonlySet<string>;
  minSentenceWords: number;
}

const cache = new WeakMap<RuleEntry, NominalOptions>();
const VOWEL = /[aeiouyäö]$/u;

function addIndex(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.normalize('NFC').toLowerCase().trim());
}

function compile(entry: RuleEntry): NominalOptions {
  const pairs: Pair[] = [];
  const verbs = new Map<string, number[]>();
  const nouns = new Map<string, number[]>();
  const raw = entry.options?.pairs;
  if (Array.isArray(raw)) {
    for (const item of raw) {
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      const index = pairs.length;
      const suggestion = typeof record.suggestion === 'string' ? record.suggestion : undefined;
      pairs.push({ suggestion });
      for (const v of strings(record.verbs)) addIndex(verbs, v, index);
      for (const n of strings(record.nouns)) addIndex(nouns, n, index);
    }
  }
  return {
    pairs,
    verbs,
    nouns,
    window: optionNumber(entry, 'window', 2, 0, 5),
    suffixes: bySuffixLength(optionList(entry, 'suffixes')),
    exceptions: optionSet(entry, 'exceptions'),
    notModifiers: optionSet(entry, 'notModifiers'),
    modifierExceptionEndings: bySuffixLength(optionList(entry, 'modifierExceptionEndings')),
    coordinators: optionSet(entry, 'coordinators'),
    minSentenceWords: optionNumber(entry, 'minSentenceWords', 0, 0, 50),
  };
}

/** Pair indices a word takes part in, through its form or any of its lemmas. */
function roles(map: Map<string, number[]>, w: RuleWord, ctx: KindContext): number[] | undefined {
  const direct = map.get(w.lower);
  let out = direct;
  for (const lemma of ctx.morphology.lemmasOf(w.lower)) {
    const hit = map.get(lemma);
    if (hit) out = out ? [...out, ...hit] : hit;
  }
  return out;
}

function pairMatches(s: SentenceView, o: NominalOptions, ctx: KindContext, out: KindMatch[]): void {
  const words = s.words;
  const used = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const noun = words[i] as RuleWord;
    const nounPairs = roles(o.nouns, noun, ctx);
    if (!nounPairs) continue;
    // Nearest verb first, on either side; stop at punctuation (another clause).
    let found: { j: number; pair: number } | undefined;
    for (let d = 1; d <= o.window + 1 && !found; d++) {
      for (let side = -1; side <= 1 && !found; side += 2) {
        const j = i + side * d;
        if (j < 0 || j >= words.length || used.has(j)) continue;
        const lo = Math.min(i, j);
        const hi = Math.max(i, j);
        let clear = true;
        for (let k = lo; k < hi && clear; k++) clear = adjacent(s.text, (words[k] as RuleWord).end, (words[k + 1] as RuleWord).start);
        if (!clear) continue;
        const verbPairs = roles(o.verbs, words[j] as RuleWord, ctx);
        const pair = verbPairs?.find((p) => nounPairs.includes(p));
        if (pair !== undefined) found = { j, pair };
      }
    }
    if (!found) continue;
    used.add(found.j);
    const from = words[Math.min(i, found.j)] as RuleWord;
    const to = words[Math.max(i, found.j)] as RuleWord;
    const suggestion = o.pairs[found.pair]?.suggestion;
    out.push({
      start: from.start,
      end: to.end,
      ...(suggestion ? { params: { suggestion }, suggestions: [suggestion] } : {}),
    });
  }
}

/** The -minen ending of a word, or undefined. The stem before it ends in a vowel (tekemi-, hakemi-). */
function verbalNoun(o: NominalOptions, lower: string): string | undefined {
  const suffix = endsWithAny(lower, o.suffixes);
  if (!suffix) return undefined;
  const stem = lower.slice(0, lower.length - suffix.length);
  if (stem.length < 2 || !VOWEL.test(stem)) return undefined;
  if (o.exceptions.has(`${stem}minen`)) return undefined;
  return suffix;
}

function isModifier(o: NominalOptions, w: RuleWord): boolean {
  const lower = w.lower;
  if (!lower.endsWith('n') || o.notModifiers.has(lower)) return false;
  return endsWithAny(lower, o.modifierExceptionEndings) === undefined;
}

function verbalNounMatches(s: SentenceView, o: NominalOptions, out: KindMatch[]): void {
  const words = s.words;
  // A heading ("Tuen hakeminen") names a topic; only a sentence packs a clause into a noun.
  if (words.length < o.minSentenceWords) return;
  let lastFlagged = -10;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as RuleWord;
    if (isName(words, i) || !verbalNoun(o, w.lower)) continue;
    const prev = words[i - 1] as RuleWord;
    if (adjacent(s.text, prev.end, w.start) && isModifier(o, prev) && !isName(words, i - 1)) {
      out.push({ start: prev.start, end: w.end });
      lastFlagged = i;
      continue;
    }
    // "tuen myöntäminen ja maksaminen": the second verbal noun shares the genitive.
    if (lastFlagged === i - 2 && o.coordinators.has(prev.lower)) {
      out.push({ start: w.start, end: w.end });
      lastFlagged = i;
    }
  }
}

export const nominalisationFi: KindCheck = (s, entry, ctx) => {
  const o = cached(cache, entry, compile);
  const out: KindMatch[] = [];
  if (o.pairs.length > 0) pairMatches(s, o, ctx, out);
  if (o.suffixes.length > 0) verbalNounMatches(s, o, out);
  return out;
};
