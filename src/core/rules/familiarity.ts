import type { FrequencyTable, Language } from '../types.js';
import { NYNORSK_MARKERS } from '../language/norwegian-markers.js';
import { strippedForms } from './inflection.js';
import type { Morphology, RuleWord, SentenceView } from './types.js';

/**
 * How far down the frequency list a word form may rank and still count as
 * familiar. The lists are word forms from subtitles (FrequencyWords, CC BY-SA 4.0);
 * Finnish inflects so much that its forms spread over many more ranks.
 */
export const FAMILIAR_RANK: Record<Language, number> = { sv: 20_000, nb: 20_000, nn: 20_000, en: 15_000, fi: 50_000 };

/** Words that introduce an explanation of a hard word in the same sentence. */
const EXPLAINS: Record<Language, ReadonlySet<string>> = {
  sv: new Set(['betyder', 'innebär', 'kallas', 'heter', 'alltså', 'dvs', 'vill']),
  nb: new Set(['betyr', 'innebærer', 'kalles', 'heter', 'altså', 'dvs', 'vil']),
  nn: new Set(['tyder', 'betyr', 'inneber', 'kallast', 'heiter', 'altså', 'dvs', 'vil']),
  fi: new Set(['tarkoittaa', 'tarkoittavat', 'eli', 'kutsutaan', 'sanotaan', 'nimeltä', 'toisin']),
  en: new Set(['means', 'mean', 'called', 'i.e', 'meaning']),
};

/** A word right before a copula at the start of a sentence is being defined: "Eläke on rahaa …", "Hemtjänst är hjälp …". */
const COPULAS: Record<Language, ReadonlySet<string>> = {
  sv: new Set(['är', 'betyder', 'kallas']),
  nb: new Set(['er', 'betyr', 'kalles']),
  nn: new Set(['er', 'tyder', 'betyr', 'kallast']),
  fi: new Set(['on', 'ovat', 'tarkoittaa']),
  en: new Set(['is', 'are', 'means']),
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

/** A familiar word form as it stands, or as an inflected form of a familiar word. */
function familiarForm(lower: string, ctx: FamiliarityContext, limit: number): boolean {
  if (ranked(lower, ctx, limit)) return true;
  if (ctx.language === 'nn' && (NYNORSK_MARKERS.has(lower) || nynorskVariants(lower).some((v) => ranked(v, ctx, limit)))) return true;
  // Inflected forms of a familiar word (vården → vård, helger → helg, eläkkeitä → eläke…):
  // its stem, or the stem with a citation-form ending, is among the frequent forms.
  // Imperatives are the bare stem: ansök → ansöka, søk → søke.
  for (const stem of [lower, ...strippedForms(lower, ctx.language)]) {
    if ((stem !== lower && ranked(stem, ctx, limit)) || ranked(`${stem}a`, ctx, limit) || ranked(`${stem}e`, ctx, limit) || ranked(`${stem}ä`, ctx, limit)) return true;
  }
  return ctx.morphology.lemmasOf(lower).some((lemma) => ranked(lemma, ctx, limit));
}

/** Longest word tried as a compound of two familiar words. */
const MAX_COMPOUND = 64;

function familiar(lower: string, ctx: FamiliarityContext): boolean {
  const limit = FAMILIAR_RANK[ctx.language];
  if (familiarForm(lower, ctx, limit)) return true;
  // A compound of two familiar words (hem+tjänst, buss+kort, työ+eläke) reads as
  // familiar; the last part carries the inflection, and Scandinavian compounds may
  // have a linking -s- or -e- after the first part.
  // Two frequent words are never this long together; without the cap every split of a
  // long run of letters is looked up, quadratic in its length (a megabyte-long "word"
  // in the easy-read profile took over 20 minutes; found by the fuzz job).
  if (ctx.language === 'en' || lower.length < 8 || lower.length > MAX_COMPOUND) return false;
  for (let i = 3; i <= lower.length - 3; i++) {
    const head = lower.slice(0, i);
    if (!(ranked(head, ctx, limit) || (/[se]$/.test(head) && ranked(head.slice(0, -1), ctx, limit)))) continue;
    if (familiarForm(lower.slice(i), ctx, limit)) return true;
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
    const definesAt = s.words.findIndex((w) => COPULAS[ctx.language].has(w.lower));
    s.words.forEach((w, i) => {
      if (!judged(w, i) || familiar(w.lower, ctx)) return;
      if (explains || (definesAt > 0 && definesAt <= 3 && i < definesAt)) explained.add(w.lower);
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
