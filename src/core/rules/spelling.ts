import type { Lexicon } from '../types.js';
import type { RuleWord, SentenceView } from './types.js';

const HAS_DIGIT = /\p{N}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}-]+$/u;
const CAPITAL = /^\p{Lu}/u;
const NOT_A_WORD = /[.@/:_]/u;

/**
 * Words the spelling dictionary does not know. Skipped, because a dictionary
 * cannot judge them: numbers, acronyms, single letters, names (a capital inside a
 * sentence), URL and e-mail fragments, and the organisation's own words.
 */
export function misspelt(sentence: SentenceView, lexicon: Lexicon, known: ReadonlySet<string> | undefined): RuleWord[] {
  const out: RuleWord[] = [];
  sentence.words.forEach((w, i) => {
    if (w.form.length < 2 || HAS_DIGIT.test(w.form) || ALL_CAPS.test(w.form) || NOT_A_WORD.test(w.form)) return;
    if (i > 0 && CAPITAL.test(w.form)) return;
    if (known?.has(w.lower)) return;
    if (lexicon.isWord(w.form) || lexicon.isWord(w.lower)) return;
    out.push(w);
  });
  return out;
}
