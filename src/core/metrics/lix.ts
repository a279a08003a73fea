/**
 * LIX (läsbarhetsindex), Björnsson 1968, *Läsbarhet* (Liber):
 * LIX = words / sentences + 100 · long words / words.
 * Formula as implemented by Språkbanken's Sparv (`lix_calc`):
 * https://github.com/spraakbanken/sparv-pipeline/blob/master/sparv/modules/readability/readability.py
 *
 * What counts as a word, a long word and a sentence is decided by the caller and documented in
 * docs/readability.md; this module only does the arithmetic.
 */

/**
 * A long word has more than six letters (Björnsson; lix.se; Tansa). Letters, not characters:
 * `OECD:s` has five and stays short, which Sparv (which counts characters) would not do.
 */
export const LONG_WORD_LETTERS = 6;

export function isLongWord(letters: number): boolean {
  return letters > LONG_WORD_LETTERS;
}

/** LIX from counts; null when undefined (no words or no sentences), never NaN. */
export function lix(words: number, sentences: number, longWords: number): number | null {
  if (words <= 0 || sentences <= 0) return null;
  return words / sentences + (100 * longWords) / words;
}
