import type { FrequencyTable, Language } from '../types.js';
import { abbreviationAt } from './abbreviations.js';
import type { Token } from './tokens.js';

/** A sentence as a range of absolute offsets (first to last non-space token). */
export interface SentenceRange {
  start: number;
  end: number;
}

const TERMINAL = /^(?:[.!?…]+|[!?]+[.!?]*)$/u;
const CLOSING = /^["'”’»)\]]+$/u;
const UPPER_START = /^[\p{Lu}]/u;
const DIGIT_START = /^\p{N}/u;
const LOWER_START = /^\p{Ll}/u;
const OPENING = /^["'“”«»‘’([¿¡–—-]+$/u;

/**
 * After a "final" abbreviation (osv., m.m., e.f.) a capitalised word starts a new
 * sentence unless it is a name. Without a frequency table every capital counts;
 * with one, a capitalised word whose lower-case form is rare is taken for a name.
 */
function startsSentence(word: string, frequency: FrequencyTable | undefined): boolean {
  if (!UPPER_START.test(word)) return false;
  if (!frequency) return true;
  const rank = frequency.rank(word.toLowerCase());
  return rank !== undefined && rank <= 5000;
}

function isBoundary(
  text: string,
  tokens: Token[],
  i: number,
  language: Language,
  frequency: FrequencyTable | undefined,
): { boundary: boolean; last: number } {
  const t = tokens[i] as Token;
  const mark = text.slice(t.start, t.end);
  // Closing quotes and brackets after the mark belong to the sentence.
  let last = i;
  while (tokens[last + 1] && tokens[last + 1]?.type === 'punct' && CLOSING.test(text.slice(tokens[last + 1]!.start, tokens[last + 1]!.end))) {
    last++;
  }
  const after = tokens[last + 1];
  if (!after) return { boundary: true, last };
  // "12.1.2024", "www.x.no", "3.6.": a mark not followed by white space ends nothing.
  if (after.type !== 'space') return { boundary: false, last };
  let k = last + 2;
  while (tokens[k] && (tokens[k]!.type === 'space' || (tokens[k]!.type === 'punct' && OPENING.test(text.slice(tokens[k]!.start, tokens[k]!.end))))) k++;
  const nextToken = tokens[k];
  if (!nextToken) return { boundary: true, last };
  const next = text.slice(nextToken.start, Math.min(nextToken.end, nextToken.start + 40));
  // Nordic and English sentences start with a capital or a digit: "15. juni",
  // "9. syyskuuta", "bl.a. kommunerna" continue the sentence.
  if (LOWER_START.test(next)) return { boundary: false, last };
  if (!mark.startsWith('.') || mark.length > 1) return { boundary: true, last };

  const prev = tokens[i - 1];
  if (!prev || prev.type !== 'word') return { boundary: true, last };
  const prevText = text.slice(prev.start, prev.end);
  const abbreviation = abbreviationAt(text, t.start, language);
  if (abbreviation) {
    if (abbreviation.kind === 'inner') return { boundary: false, last };
    if (DIGIT_START.test(next)) return { boundary: false, last };
    return { boundary: startsSentence(next, frequency), last };
  }
  // An initial before a name: "A. Lindgren", "T. A. Nygaard".
  if (/^\p{Lu}$/u.test(prevText) && UPPER_START.test(next)) return { boundary: false, last };
  // "Akersg. 59", "Tel. 0295 …", "Kap. 3": a short capitalised word before a number
  // is a street or label abbreviation; a sentence rarely starts with a numeral.
  if (DIGIT_START.test(next) && /^\p{Lu}\p{Ll}{0,7}$/u.test(prevText)) return { boundary: false, last };
  return { boundary: true, last };
}

/** Splits a block's tokens into sentences. A block always ends a sentence. */
export function splitSentences(
  text: string,
  tokens: Token[],
  language: Language,
  frequency?: FrequencyTable,
): SentenceRange[] {
  const sentences: SentenceRange[] = [];
  let first = -1;
  const close = (lastIndex: number): void => {
    if (first < 0) return;
    let end = lastIndex;
    while (end > first && tokens[end]?.type === 'space') end--;
    sentences.push({ start: (tokens[first] as Token).start, end: (tokens[end] as Token).end });
    first = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (first < 0) {
      if (t.type === 'space') continue;
      first = i;
    }
    if (t.type !== 'punct' || !TERMINAL.test(text.slice(t.start, t.end))) continue;
    const { boundary, last } = isBoundary(text, tokens, i, language, frequency);
    if (boundary) {
      close(last);
      i = last;
    }
  }
  close(tokens.length - 1);
  return sentences;
}
