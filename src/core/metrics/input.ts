import type { FrequencyTable, Language, Profile } from '../types.js';

export interface MeasuredWord {
  /** The word as measured: dehyphenated, without surrounding punctuation. */
  form: string;
  /** Count of `\p{L}` characters. */
  letters: number;
  /**
   * Features a caller that measures the same word at several levels (paragraph, section,
   * document) computes once and passes in; each is computed from `form` when absent.
   */
  /** `form` lowercased. */
  lower?: string;
  /** Starts with a capital letter. */
  capitalised?: boolean;
  /** Outside the frequency table's first RARE_WORD_RANK forms (names aside). */
  rare?: boolean;
  /** Carries a nominal suffix (see nominal.ts). */
  nominal?: boolean;
}

export interface MeasureInput {
  language: Language;
  profile: Profile;
  /** Every word token of the span, in order (tokens without letters are left out by the caller). */
  words: MeasuredWord[];
  /** Words per sentence, one entry per sentence in the span. */
  sentenceLengths: number[];
  /** The profile's long-sentence limit (words). */
  sentenceLimit: number;
  /** Rank table of the language, when the caller loaded one. */
  frequency?: FrequencyTable;
}
