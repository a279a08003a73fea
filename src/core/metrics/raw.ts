import type { FrequencyTable, Metrics } from '../types.js';
import type { FeatureSource } from './difficulty.js';
import { englishReadability } from './english.js';
import type { MeasureInput } from './input.js';
import { isLongWord, lix } from './lix.js';
import { mattrOfLowercase } from './mattr.js';
import { isNominal } from './nominal.js';
import { ovixOfLowercase } from './ovix.js';
import { survo } from './survo.js';

/**
 * A word is rare when its lowercase form is not among the 10 000 most frequent forms of the
 * language's subtitle frequency list. Ten thousand forms is about where everyday vocabulary ends
 * in these lists; see docs/readability.md for why this cut-off and not another.
 */
export const RARE_WORD_RANK = 10_000;

/** The measures at full precision, before rounding for the report. */
export interface RawMeasures extends FeatureSource {
  sentences: number;
  survo: number | null;
  lix: number | null;
  english: Metrics['english'];
}

export function rawMeasures(input: MeasureInput): RawMeasures {
  const words = input.words.length;
  // A sentence without letter words (say "2024.") adds nothing a reader has to parse as words.
  const sentenceLengths = input.sentenceLengths.filter((length) => length > 0);
  const sentences = sentenceLengths.length;
  const forms = input.words.map((word) => word.form);
  const lower = input.words.map((word) => word.lower ?? word.form.toLowerCase());

  let letters = 0;
  let longWords = 0;
  let nominal = 0;
  for (const word of input.words) {
    letters += word.letters;
    if (isLongWord(word.letters)) longWords += 1;
    if (word.nominal ?? isNominal(input.language, word.form)) nominal += 1;
  }
  const longSentences = sentenceLengths.filter((length) => length > input.sentenceLimit).length;
  const sentenceWords = sentenceLengths.reduce((sum, length) => sum + length, 0);
  const squaredLengths = sentenceLengths.reduce((sum, length) => sum + length * length, 0);

  return {
    words,
    sentences,
    meanSentenceLength: ratio(words, sentences),
    wordWeightedSentenceLength: ratio(squaredLengths, sentenceWords),
    longWordShare: ratio(longWords, words),
    lix: lix(words, sentences, longWords),
    ovix: ovixOfLowercase(lower),
    mattr: mattrOfLowercase(lower),
    longSentenceShare: ratio(longSentences, sentences),
    meanWordLength: ratio(letters, words),
    rareWordShare: input.frequency ? rareShare(input, input.frequency) : null,
    nominalShare: ratio(nominal, words),
    survo: input.language === 'fi' ? survo({ forms, sentenceLengths }) : null,
    english: input.language === 'en' ? englishReadability({ words: input.words, sentenceLengths }) : null,
  };
}

/**
 * Share of words outside the frequent vocabulary. A capitalised word inside a sentence is taken
 * for a name (Kela, Västerås, Husbanken) and never counts as rare: names are not vocabulary the
 * reader has to know, and subtitle lists miss most of them. Words that open a sentence are looked
 * up like any other.
 */
function rareShare(input: MeasureInput, table: FrequencyTable): number | null {
  const { words } = input;
  if (words.length === 0) return null;
  const initial = sentenceStarts(input.sentenceLengths, words.length);
  let rare = 0;
  words.forEach((word, index) => {
    if (!initial.has(index) && (word.capitalised ?? isCapitalised(word.form))) return;
    if (word.rare ?? isRareForm(word.form, table)) rare += 1;
  });
  return rare / words.length;
}

export function isCapitalised(form: string): boolean {
  return /^\p{Lu}/u.test(form);
}

/** Whether a word form is outside the frequent vocabulary, names aside (see rareShare). */
export function isRareForm(form: string, table: FrequencyTable): boolean {
  const rank = table.rank(form.normalize('NFC').toLowerCase());
  return rank === undefined || rank > RARE_WORD_RANK;
}

/** Indices of the words that open a sentence; just the first word if the lengths do not add up. */
function sentenceStarts(lengths: readonly number[], words: number): Set<number> {
  const starts = new Set<number>([0]);
  const total = lengths.reduce((sum, length) => sum + Math.max(0, length), 0);
  if (total !== words) return starts;
  let index = 0;
  for (const length of lengths) {
    if (length <= 0) continue;
    starts.add(index);
    index += length;
  }
  return starts;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
