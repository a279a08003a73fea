import type { FrequencyTable, Language } from '../types.js';
import { NYNORSK_MARKERS } from '../language/norwegian-markers.js';
import type { Morphology, RuleWord, SentenceView } from './types.js';

/**
 * How far down the frequency list a word form may rank and still count as
 * familiar. The lists are word forms from subtitles (FrequencyWords, CC BY-SA 4.0);
 * Finnish inflects so much that its forms spread over many more ranks.
 */
export const FAMILIAR_RANK: Record<Language, number> = { sv: 10_000, nb: 10_000, nn: 10_000, en: 10_000, fi: 30_000 };

/** Words that introduce an explanation of a hard word in the same sentence. */
const EXPLAINS: Record<Language, ReadonlySet<string>> = {
  sv: new Set(['betyder', 'innebär', 'kallas', 'heter', 'alltså', 'dvs', 'vill']),
  nb: new Set(['betyr', 'innebærer', 'kalles', 'heter', 'altså', 'dvs', 'vil']),
  nn: new Set(['tyder', 'betyr', 'inneber', 'kallast', 'heiter', 'altså', 'dvs', 'vil']),
  fi: new Set(['tarkoittaa', 'tarkoittavat', 'eli', 'kutsutaan', 'sanotaan', 'nimeltä', 'toisin']),
  en: new Set(['means', 'mean', 'called', 'i.e', 'meaning']),
};

const HAS_DIGIT = /\p{N}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}-]+$/u;
const CAPITAL = /^\p{Lu}/u;

export interface FamiliarityContext {
  language: Language;
  frequency: FrequencyTable;
  morphology: Morphology;
}

/**
 * There is no nynorsk frequency list; nynorsk is ranked with the (bokmål) Norwegian
 * one. Common nynorsk forms (ikkje, kva, berre) count as familiar, and regular
 * nynorsk spellings are tried in their bokmål shape (-leg → -lig, -heit → -het,
 * søkje → søke, pengar → penger, bustadane → bustadene).
 */
const NYNORSK_TO_BOKMAL: [RegExp, string][] = [
  [/leg(e|t|are|ast)?$/u, 'lig$1'],
  [/heit(a|en|er|ene)?$/u, 'het$1'],
  [/([kg])j(e|er|ast|a)$/u, '$1$2'],
  [/ane$/u, 'ene'],
  [/ar$/u, 'er'],
  [/ast$/u, 'es'],
  [/a$/u, 'e'],
];

function nynorskVariants(lower: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of NYNORSK_TO_BOKMAL) if (pattern.test(lower)) out.push(lower.replace(pattern, replacement));
  return out;
}

function ranked(lower: string, ctx: FamiliarityContext, limit: number): boolean {
  const rank = ctx.frequency.rank(lower);
  return rank !== undefined && rank <= limit;
}

function familiar(lower: string, ctx: FamiliarityContext): boolean {
  const limit = FAMILIAR_RANK[ctx.language];
  if (ranked(lower, ctx, limit)) return true;
  if (ctx.language === 'nn' && (NYNORSK_MARKERS.has(lower) || nynorskVariants(lower).some((v) => ranked(v, ctx, limit)))) return true;
  for (const lemma of ctx.morphology.lemmasOf(lower)) {
    const r = ctx.frequency.rank(lemma);
    if (r !== undefined && r <= limit) return true;
  }
  // A compound of two familiar words (hem+tjänst, buss+kort) reads as familiar;
  // Scandinavian compounds may have a linking -s- or -e-.
  if (ctx.language !== 'en' && lower.length >= 8) {
    for (let i = 3; i <= lower.length - 3; i++) {
      const head = lower.slice(0, i);
      const tail = lower.slice(i);
      const known = (w: string): boolean => {
        const r = ctx.frequency.rank(w);
        return r !== undefined && r <= limit;
      };
      if (known(tail) && (known(head) || (/[se]$/.test(head) && known(head.slice(0, -1))))) return true;
    }
  }
  return false;
}

/** Whether a word may be judged at all: names, numbers, acronyms and single letters are not. */
function judged(word: RuleWord, index: number): boolean {
  if (word.form.length < 2 || HAS_DIGIT.test(word.form) || ALL_CAPS.test(word.form)) return false;
  // A capital inside a sentence marks a name.
  return !(index > 0 && CAPITAL.test(word.form));
}

/**
 * Words an easy-read reader is unlikely to know: outside the language's frequent
 * forms (lemma-aware through the morphology table) and not explained anywhere in
 * the text. Reports the first unexplained use of each word.
 */
export function unfamiliarWords(sentences: SentenceView[], ctx: FamiliarityContext): RuleWord[] {
  const explained = new Set<string>();
  const candidates: { word: RuleWord; sentence: number }[] = [];
  sentences.forEach((s, si) => {
    const explains = s.words.some((w) => EXPLAINS[ctx.language].has(w.lower)) || s.text.slice(s.start, s.end).includes('(');
    s.words.forEach((w, i) => {
      if (!judged(w, i) || familiar(w.lower, ctx)) return;
      if (explains) explained.add(w.lower);
      candidates.push({ word: w, sentence: si });
    });
  });
  const reported = new Set<string>();
  const out: RuleWord[] = [];
  for (const { word } of candidates) {
    if (explained.has(word.lower) || reported.has(word.lower)) continue;
    reported.add(word.lower);
    out.push(word);
  }
  return out;
}
