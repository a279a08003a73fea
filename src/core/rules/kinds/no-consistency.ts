/**
 * Mixed written standards: nynorsk forms in a bokmål text and bokmål forms in a nynorsk text
 * ("ikkje" in bokmål, "hva" in nynorsk). The kind sees one sentence at a time, so it reports
 * every word that exists only in the other standard, with that standard's counterpart as the
 * suggestion.
 *
 * Options (see rules/nb/consistency.yaml):
 * - `forms`: other-standard form → form in this standard
 * - `endings`: other-standard ending → ending in this standard (nynorsk -ingar → bokmål -inger)
 * - `endingExceptions`: words with such an ending that belong to both standards
 * - `minEndingLength`: shortest word an ending rule applies to
 *
 * A capitalised word inside a sentence is taken for a name ("Anna", "Kvam") and skipped.
 */
import type { KindCheck, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import { cachedFor, isCapitalised, numberOption, wordMap, wordSet } from './no-options.js';

interface ConsistencyData {
  forms: Map<string, string>;
  endings: [string, string][];
  endingExceptions: Set<string>;
  minEndingLength: number;
}

const cache = new WeakMap<RuleEntry, ConsistencyData>();

function data(entry: RuleEntry): ConsistencyData {
  return cachedFor(cache, entry, (o) => ({
    forms: wordMap(o, 'forms'),
    endings: [...wordMap(o, 'endings').entries()].sort((a, b) => b[0].length - a[0].length),
    endingExceptions: wordSet(o, 'endingExceptions'),
    minEndingLength: numberOption(o, 'minEndingLength', 8),
  }));
}

/** Keep the writer's capitalisation: "Ikkje" → "Ikke". */
function likeCase(form: string, replacement: string): string {
  return isCapitalised(form) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

function counterpart(lower: string, d: ConsistencyData): string | undefined {
  const direct = d.forms.get(lower);
  if (direct !== undefined) return direct;
  if (lower.length < d.minEndingLength || d.endingExceptions.has(lower)) return undefined;
  for (const [ending, replacement] of d.endings) {
    if (lower.endsWith(ending)) return lower.slice(0, lower.length - ending.length) + replacement;
  }
  return undefined;
}

function check(sentence: SentenceView, d: ConsistencyData): KindMatch[] {
  const out: KindMatch[] = [];
  sentence.words.forEach((word: RuleWord, i: number) => {
    if (i > 0 && isCapitalised(word.form)) return;
    const other = counterpart(word.lower, d);
    if (other === undefined) return;
    const suggestion = likeCase(word.form, other);
    out.push({ start: word.start, end: word.end, params: { match: word.form, suggestion }, suggestions: [suggestion] });
  });
  return out;
}

/** The consistency kind for bokmål and nynorsk. */
export const consistencyKind: KindCheck = (sentence, entry) => {
  try {
    return check(sentence, data(entry));
  } catch {
    return [];
  }
};
