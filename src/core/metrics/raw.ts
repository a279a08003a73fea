import type { FrequencyTable, Metrics } from '../types.js';
import type { FeatureSource } from './difficulty.js';
import { englishReadability } from './english.js';
import type { MeasureInput } from './input.js';
import { isLongWord, lix } from './lix.js';
import { ovix } from './ovix.js';
import { survo } from './survo.js';

/**
 * A word is rare when its lowercase form ranks below the 10 000 most frequent forms of the
 * language's subtitle frequency list, or is not in it. 10 000 forms is roughly the vocabulary an
 * adult reader meets every week in everyday speech; see docs/readability.md for the choice.
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

  let letters = 0;
  let longWords = 0;
  for (const word of input.words) {
    letters += word.letters;
    if (isLongWord(word.letters)) longWords += 1;
  }
  const longSentences = sentenceLengths.filter((length) => length > input.sentenceLimit).length;

  return {
    words,
    sentences,
    meanSentenceLength: ratio(words, sentences),
    longWordShare: ratio(longWords, words),
    lix: lix(words, sentences, longWords),
    ovix: ovix(forms),
    longSentenceShare: ratio(longSentences, sentences),
    meanWordLength: ratio(letters, words),
    rareWordShare: input.frequency ? rareShare(forms, input.frequency) : null,
    survo: input.language === 'fi' ? survo({ forms, sentenceLengths }) : null,
    english: input.language === 'en' ? englishReadability({ words: input.words, sentenceLengths }) : null,
  };
}

function rareShare(forms: readonly string[], table: FrequencyTable): number | null {
  if (forms.length === 0) return null;
  let rare = 0;
  for (const form of forms) {
    const rank = table.rank(form.normalize('NFC').toLowerCase());
    if (rank === undefined || rank > RARE_WORD_RANK) rare += 1;
  }
  return rare / forms.length;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

