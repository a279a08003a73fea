/**
 * Survo LUE readability for Finnish, by Seppo Mustonen (1989), "based on O. A. Wiio's studies" and
 * calibrated on 300 Finnish magazine articles (children's magazines, newspapers, science magazines).
 * Formula, constants, limits and bands are those of the `wiio()` and `tulostus()` functions of
 * lue.c: https://github.com/rsund/SurvoR/blob/master/pkg/src/lue.c
 *
 * L = 1.416 · words/sentences + 5.147 · letters/words
 *     + (−2.731·%j + 1.957·%o − 3.015·%p + 2.016·%s + 1.222·%t) − 34.54186
 * where %x = 100 · (occurrences of the letter x, either case) / letters.
 */

export interface SurvoInput {
  /** Word forms as measured (letters are counted from them). */
  forms: readonly string[];
  /** Words per sentence. */
  sentenceLengths: readonly number[];
}

const SENTENCE_WEIGHT = 1.416;
const WORD_LENGTH_WEIGHT = 5.147;
const LETTER_WEIGHTS: Readonly<Record<string, number>> = {
  j: -2.731,
  o: 1.957,
  p: -3.015,
  s: 2.016,
  t: 1.222,
};
const CONSTANT = -34.54186;

/** lue.c gives no score for texts with at most 50 letters or at most 10 words. */
const MIN_LETTERS_EXCLUSIVE = 50;
const MIN_WORDS_EXCLUSIVE = 10;

const LETTER = /\p{L}/u;

export function survo(input: SurvoInput): number | null {
  const words = input.forms.length;
  let letters = 0;
  const counts: Record<string, number> = { j: 0, o: 0, p: 0, s: 0, t: 0 };
  for (const form of input.forms) {
    for (const char of form.toLowerCase()) {
      if (!LETTER.test(char)) continue;
      letters += 1;
      const count = counts[char];
      if (count !== undefined) counts[char] = count + 1;
    }
  }
  if (letters <= MIN_LETTERS_EXCLUSIVE || words <= MIN_WORDS_EXCLUSIVE) return null;

  // lue.c does not count one-word "sentences" (`lopeta_lause`: only `nsanat_lauseessa > 1`), but
  // keeps their words, and never divides by fewer than one sentence.
  const sentences = Math.max(1, input.sentenceLengths.filter((length) => length > 1).length);

  let letterTerm = 0;
  for (const [letter, weight] of Object.entries(LETTER_WEIGHTS)) {
    letterTerm += (weight * 100 * (counts[letter] ?? 0)) / letters;
  }
  const value =
    SENTENCE_WEIGHT * (words / sentences) + WORD_LENGTH_WEIGHT * (letters / words) + letterTerm + CONSTANT;
  return Number.isFinite(value) ? value : null;
}
