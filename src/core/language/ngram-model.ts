/**
 * eld's n-gram scoring, restricted to the five languages klar tells apart in
 * its first step. The algorithm follows eld 2.1.0 (languageDetector.js) so the
 * generated table gives the same scores as the package; see generate-ngrams.mjs
 * for why the table is generated instead of imported from eld.
 */

import { BYTE_CHARS, NGRAM_LANGUAGES, NGRAMS_JSON } from './ngrams.generated.js';

export type NgramLanguage = (typeof NGRAM_LANGUAGES)[number];

export interface NgramScores {
  /** Summed weights, indexed like NGRAM_LANGUAGES; 0 = no evidence. */
  scores: number[];
  /** Distinct n-grams in the text (eld's measure of how much it saw). */
  ngrams: number;
}

export { NGRAM_LANGUAGES };

// eld stores weights minus this constant to keep its database small.
const BASE_NGRAM_SCORE = 53;
// eld looks at most at 70 bytes of a word when it cuts it into n-grams.
const MAX_WORD_BYTES = 70;

type NgramTable = Record<string, readonly number[] | undefined>;

let table: NgramTable | undefined;

// Parsed on first use (≈ 7 ms) so that importing the core costs nothing until
// a text actually needs detecting.
function ngramTable(): NgramTable {
  if (table === undefined) {
    const parsed = JSON.parse(NGRAMS_JSON) as NgramTable;
    // Without a prototype no n-gram can hit an Object.prototype member; this is
    // cheaper than copying 14 000 entries into a Map.
    Object.setPrototypeOf(parsed, null);
    table = parsed;
  }
  return table;
}

const NON_LETTERS = /[^\p{L}]+/gu;
const APOSTROPHES = "'`\u2019";
const HAS_APOSTROPHE = /['`\u2019]/;

/**
 * eld replaces each run of non-letters with a space unless the run ends in
 * apostrophes, which stay (so "don't" is one word). eld does this with a
 * look-behind regex that is quadratic on long apostrophe runs; this is the
 * same result in linear time.
 */
function separate(run: string): string {
  let end = run.length;
  while (end > 0 && APOSTROPHES.includes(run[end - 1] as string)) end--;
  return end === 0 ? run : ' ' + run.slice(end);
}

function byteChar(byte: number): string {
  return BYTE_CHARS[byte] ?? ' ';
}

/**
 * eld's words: lower-cased, split at separators, every non-ASCII character
 * written as one character per UTF-8 byte.
 */
/** A word (lowercase letters and apostrophes) as eld's byte string: each UTF-8 byte one character. */
function byteWord(word: string): string {
  let encoded = '';
  for (let i = 0; i < word.length; i++) {
    let code = word.charCodeAt(i);
    if (code < 0x80) {
      encoded += word[i];
    } else if (code < 0x800) {
      encoded += byteChar(0xc0 | (code >> 6)) + byteChar(0x80 | (code & 0x3f));
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded +=
        byteChar(0xe0 | (code >> 12)) + byteChar(0x80 | ((code >> 6) & 0x3f)) + byteChar(0x80 | (code & 0x3f));
    } else {
      const low = word.charCodeAt(i + 1);
      // A lone surrogate has no UTF-8 form; dropping it is what a separator would do.
      if (code >= 0xdc00 || !(low >= 0xdc00 && low < 0xe000)) continue;
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (low & 0x3ff));
      encoded +=
        byteChar(0xf0 | (code >> 18)) +
        byteChar(0x80 | ((code >> 12) & 0x3f)) +
        byteChar(0x80 | ((code >> 6) & 0x3f)) +
        byteChar(0x80 | (code & 0x3f));
    }
  }
  return encoded;
}

/**
 * Each word's n-grams, remembered: a document is detected paragraph by paragraph and its words
 * repeat (och, att, kommunen), so most words are cut up once. Bounded, for long-running processes.
 */
const gramCache = new Map<string, readonly string[]>();
const MAX_CACHED_WORDS = 50_000;

function wordGrams(word: string): readonly string[] {
  let grams = gramCache.get(word);
  if (grams === undefined) {
    const encoded = byteWord(word);
    grams = encoded === '' ? [] : ngramsOf(encoded);
    if (gramCache.size >= MAX_CACHED_WORDS) gramCache.clear();
    gramCache.set(word, grams);
  }
  return grams;
}

/** eld's n-grams of one byte word: 4 bytes with a stride of 3, the first and last marked by spaces. */
function ngramsOf(word: string): string[] {
  const grams: string[] = [];
  const len = Math.min(word.length, MAX_WORD_BYTES);
  let j = 0;
  for (; j + 4 < len; j += 3) {
    grams.push((j === 0 ? ' ' : '') + word.substring(j, j + 4));
  }
  grams.push((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  return grams;
}

function collectNgrams(text: string): Set<string> {
  const grams = new Set<string>();
  // Without an apostrophe every separator is one space, and no callback is needed per run.
  const normalised = (HAS_APOSTROPHE.test(text) ? text.replace(NON_LETTERS, separate) : text.replace(NON_LETTERS, ' ')).trim().toLowerCase();
  for (const word of normalised.split(' ')) {
    if (word === '') continue;
    for (const gram of wordGrams(word)) grams.add(gram);
  }
  return grams;
}

/** Scores `text` for da, en, fi, no and sv; the caller decides how much text to pass. */
export function scoreNgrams(text: string): NgramScores {
  const data = ngramTable();
  const scores: number[] = NGRAM_LANGUAGES.map(() => 0);
  const grams = collectNgrams(text);
  for (const gram of grams) {
    const entry = data[gram];
    if (entry === undefined) continue;
    for (let k = 0; k + 1 < entry.length; k += 2) {
      const index = entry[k] as number;
      scores[index] = (scores[index] as number) + (entry[k + 1] as number) + BASE_NGRAM_SCORE;
    }
  }
  return { scores, ngrams: grams.size };
}
