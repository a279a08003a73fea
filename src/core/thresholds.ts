import type { Language, Profile, Thresholds } from './types.js';

/**
 * Default limits for the `long-sentence` and `long-word` findings.
 *
 * Sentence length: no Nordic language authority publishes a numeric limit. klar's
 * plain-language default is 25 words, the most any one sentence should have
 * according to NDLA's klarspråk advice (https://kvalitet.ndla.no/books/godt-og-inkluderende-sprak);
 * Isof gives extra advice from 15 words on. The easy-read default is 15 words, the
 * upper end of the UK easy-read guidance (10–15 words). Both are configurable.
 *
 * Word length: no authority gives a number; these are klar's own defaults, set high
 * enough that ordinary compounds pass (Finnish words are longer than Scandinavian
 * ones: Survo's reference is 7.6 letters per word in newspaper Finnish). Configurable.
 */
const SENTENCE_WORDS: Record<Profile, number> = { plain: 25, 'easy-read': 15 };

const WORD_LETTERS: Record<Profile, Record<Language, number>> = {
  plain: { sv: 20, nb: 20, nn: 20, fi: 24, en: 16 },
  'easy-read': { sv: 16, nb: 16, nn: 16, fi: 20, en: 13 },
};

export function thresholdsFor(language: Language, profile: Profile, override?: Partial<Thresholds>): Thresholds {
  return {
    sentenceWords: override?.sentenceWords ?? SENTENCE_WORDS[profile],
    wordLetters: override?.wordLetters ?? WORD_LETTERS[profile][language],
  };
}
