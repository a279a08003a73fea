import { describe, expect, it } from 'vitest';

import { flesch } from 'flesch';

import { difficultyBand, lixBand, survoBand } from '../../src/core/metrics/bands.js';
import {
  DIFFICULTY_FEATURES,
  difficultyFeatures,
  scoreDifficulty,
  type DifficultyModel,
  type FeatureVector,
} from '../../src/core/metrics/difficulty.js';
import { DIFFICULTY_MODEL } from '../../src/core/metrics/difficulty-model.js';
import { englishReadability } from '../../src/core/metrics/english.js';
import { auc, fitDifficultyModel, leavePairOutAuc, type FitOptions, type Sample } from '../../src/core/metrics/fit.js';
import { lix } from '../../src/core/metrics/lix.js';
import { mattr } from '../../src/core/metrics/mattr.js';
import { measure, rawMeasures, type MeasureInput, type MeasuredWord } from '../../src/core/metrics/measure.js';
import { isNominal } from '../../src/core/metrics/nominal.js';
import { ovix } from '../../src/core/metrics/ovix.js';
import { survo } from '../../src/core/metrics/survo.js';
import { LANGUAGES, type FrequencyTable, type Language, type Metrics } from '../../src/core/types.js';

function word(form: string): MeasuredWord {
  return { form, letters: (form.match(/\p{L}/gu) ?? []).length };
}

/** A word of `letters` letters whose form says nothing about any language (for count fixtures). */
function wordOfLength(letters: number, index = 0): MeasuredWord {
  return { form: `${lettersFor(index)}${'z'.repeat(Math.max(0, letters - lettersFor(index).length))}`, letters };
}

/** A distinct letters-only form per index: digits mapped to consonants. */
function lettersFor(index: number): string {
  return String(index)
    .split('')
    .map((digit) => 'bcdfghjklm'.charAt(Number(digit)))
    .join('');
}

function input(words: MeasuredWord[], sentenceLengths: number[], overrides: Partial<MeasureInput> = {}): MeasureInput {
  return { language: 'sv', profile: 'plain', words, sentenceLengths, sentenceLimit: 25, ...overrides };
}

/** Every number anywhere in the value, with its path. */
function numbers(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbers(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => numbers(item, `${path}.${key}`));
  }
  return [];
}

function expectAllFinite(metrics: Metrics): void {
  for (const [path, value] of numbers(metrics)) {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  }
}

const SPARV_SENTENCE = ['a', 'bc', 'def', 'ghij', 'klmno', 'pqrstu', 'vxyzåäö'];

describe('LIX', () => {
  it('matches the Sparv doctest: 28 words, 4 sentences, 4 long words → 21.29', () => {
    const words = Array.from({ length: 4 }, () => SPARV_SENTENCE.map(word)).flat();
    const metrics = measure(input(words, [7, 7, 7, 7]));
    expect(metrics.words).toBe(28);
    expect(metrics.sentences).toBe(4);
    expect(metrics.lix).toBe(21.29);
  });

  it('matches the lix-index test text counted with ":" as a terminator: 23 / 4 / 3 → 18.79', () => {
    // Sentence lengths 5, 9, 8, 1; the long words have 16, 8 and 15 letters.
    const lengths = [5, 2, 3, 4, 3, 4, 3, 5, 16, 3, 3, 2, 2, 8, 2, 2, 5, 3, 15, 4, 2, 3, 4];
    const words = lengths.map((letters, index) => wordOfLength(letters, index));
    const metrics = measure(input(words, [5, 9, 8, 1], { language: 'nb' }));
    expect(metrics.words).toBe(23);
    expect(metrics.lix).toBe(18.79);
    expect(metrics.lixBand).toBe('svært lett');
  });

  it('matches the saphes example: 10 / 2 / 4 → 45.0', () => {
    const lengths = [3, 3, 3, 2, 2, 11, 9, 9, 8, 2];
    const words = lengths.map((letters, index) => wordOfLength(letters, index));
    const metrics = measure(input(words, [5, 5], { language: 'en' }));
    expect(metrics.lix).toBe(45);
    expect(metrics.lixBand).toBe('medium');
  });

  it('counts letters, not characters: "OECD:s" is short', () => {
    expect(word('OECD:s').letters).toBe(5);
    expect(rawMeasures(input([word('OECD:s')], [1])).longWordShare).toBe(0);
  });

  it('is undefined, not NaN, without words or sentences', () => {
    expect(lix(0, 0, 0)).toBeNull();
    expect(lix(5, 0, 1)).toBeNull();
  });
});

describe('OVIX', () => {
  it('matches the Sparv doctests', () => {
    const repeated = (times: number): string[] => Array.from({ length: times }, () => SPARV_SENTENCE).flat();
    expect(ovix(repeated(1))).toBeNull();
    expect(ovix(repeated(2))?.toFixed(2)).toBe('11.32');
    expect(ovix(repeated(3))?.toFixed(2)).toBe('9.88');
    expect(ovix(repeated(4))?.toFixed(2)).toBe('9.58');
  });

  it('matches the Språkbanken example: 21 tokens, 19 types → 94.13', () => {
    const forms = Array.from({ length: 19 }, (_, index) => lettersFor(index + 10));
    forms.push(forms[0] ?? '', (forms[1] ?? '').toUpperCase());
    expect(forms).toHaveLength(21);
    expect(ovix(forms)?.toFixed(2)).toBe('94.13');
  });

  it('is null, not infinite, when undefined', () => {
    expect(ovix([])).toBeNull();
    expect(ovix(['ord'])).toBeNull();
    expect(ovix(['ett', 'två'])).toBeNull();
  });
});

describe('MATTR', () => {
  it('averages the type–token ratio of every window', () => {
    expect(mattr(['a', 'A', 'b'], 2)).toBe(0.75);
    expect(mattr(['a', 'b', 'c'], 3)).toBe(1);
  });

  it('is null for spans shorter than the window', () => {
    expect(mattr(['a', 'b'], 3)).toBeNull();
    expect(mattr(Array.from({ length: 49 }, (_, index) => lettersFor(index)))).toBeNull();
  });
});

describe('Survo LUE (Finnish)', () => {
  const forms = [
    'Kela', 'maksaa', 'lapsilisää', 'jokaisesta', 'lapsesta', 'joka', 'asuu', 'Suomessa',
    'Hakemus', 'tehdään', 'verkossa', 'tai', 'paperilla', 'Päätös', 'tulee', 'postissa', 'Kiitos',
  ];

  it('follows lue.c: letters j/o/p/s/t, one-word sentences not counted', () => {
    // 113 letters, 17 words, 3 sentences of more than one word; j 2, o 6, p 6, s 19, t 8.
    const value = survo({ forms, sentenceLengths: [8, 3, 4, 1, 1] });
    expect(value).toBeCloseTo(39.7919, 3);
    expect(survoBand(value)).toBe('muistuttaa lastenlehtiä');
  });

  it('gives no score for 10 words or fewer, or 50 letters or fewer', () => {
    expect(survo({ forms: forms.slice(0, 10), sentenceLengths: [10] })).toBeNull();
    expect(survo({ forms: Array.from({ length: 20 }, () => 'on'), sentenceLengths: [20] })).toBeNull();
  });

  it('is reported for Finnish only', () => {
    const words = forms.map(word);
    expect(measure(input(words, [8, 3, 4, 1, 1], { language: 'fi' })).survo).toBeCloseTo(39.79, 2);
    expect(measure(input(words, [8, 3, 4, 1, 1], { language: 'sv' })).survo).toBeNull();
  });

  it('names its bands as lue.c does', () => {
    expect(survoBand(34.9)).toBe('erittäin helppoa');
    expect(survoBand(44)).toBe('sanomalehtikielen rajoissa');
    expect(survoBand(60)).toBe('muistuttaa tiedelehtiä');
    expect(survoBand(68)).toBe('hyvin vaikeaa');
    expect(survoBand(101)).toBe('erittäin vaikeaa');
    expect(survoBand(null)).toBeNull();
  });
});

describe('English readability', () => {
  it('uses the retext-readability formulas on whole-span counts', () => {
    const words = 'The cat sat on the mat. Complicated sentences generally frighten us.'
      .match(/\p{L}+/gu)
      ?.map(word) ?? [];
    const result = englishReadability({ words, sentenceLengths: [6, 5] });
    // 11 words, 2 sentences; syllables from the syllable package.
    expect(result.fleschReadingEase).not.toBeNull();
    expect(result.fleschKincaidGrade).not.toBeNull();
    expect(result.daleChall).not.toBeNull();
    const metrics = measure(input(words, [6, 5], { language: 'en' }));
    expect(metrics.english?.fleschReadingEase).toBeCloseTo(result.fleschReadingEase ?? NaN, 2);
  });

  it('agrees with the flesch package on the same counts', () => {
    const words = ['one', 'two', 'three', 'four'].map(word);
    const result = englishReadability({ words, sentenceLengths: [4] });
    expect(result.fleschReadingEase).toBeCloseTo(flesch({ sentence: 1, word: 4, syllable: 4 }), 10);
  });

  it('counts a repeated easy word as easy (per token, unlike retext-readability)', () => {
    const words = Array.from({ length: 10 }, () => word('the'));
    const result = englishReadability({ words, sentenceLengths: [10] });
    // No difficult word: 0.0496 · 10 words per sentence, no adjustment.
    expect(result.daleChall).toBeCloseTo(0.496, 10);
  });

  it('is all null without words', () => {
    const result = englishReadability({ words: [], sentenceLengths: [] });
    expect(Object.values(result).every((value) => value === null)).toBe(true);
  });
});

describe('null, never NaN or Infinity', () => {
  it('on empty input, in every language', () => {
    for (const language of LANGUAGES) {
      const metrics = measure(input([], [], { language }));
      expect(metrics.words).toBe(0);
      expect(metrics.sentences).toBe(0);
      expect(metrics.meanSentenceLength).toBeNull();
      expect(metrics.longWordShare).toBeNull();
      expect(metrics.lix).toBeNull();
      expect(metrics.lixBand).toBeNull();
      expect(metrics.ovix).toBeNull();
      expect(metrics.difficulty).toBeNull();
      expect(metrics.difficultyBand).toBeNull();
      expect(metrics.difficultyFactors).toEqual([]);
      expect(metrics.longSentenceShare).toBeNull();
      expect(metrics.meanWordLength).toBeNull();
      expect(metrics.rareWordShare).toBeNull();
      expectAllFinite(metrics);
    }
  });

  it('on degenerate spans: one word, words without sentences, empty sentences', () => {
    for (const language of LANGUAGES) {
      expectAllFinite(measure(input([word('Ja')], [1], { language })));
      expectAllFinite(measure(input([word('Ja'), word('nej')], [], { language })));
      expectAllFinite(measure(input([], [0, 0], { language })));
      expectAllFinite(measure(input([word('x')], [1], { language, frequency: table([]) })));
    }
  });

  it('on long text with extreme measures', () => {
    const words = Array.from({ length: 500 }, (_, index) => wordOfLength(40, index));
    for (const language of LANGUAGES) {
      const metrics = measure(input(words, [500], { language, frequency: table([]) }));
      expectAllFinite(metrics);
      expect(metrics.difficulty).not.toBeNull();
    }
  });
});

describe('shares', () => {
  it('long-sentence share uses the profile limit', () => {
    const words = Array.from({ length: 40 }, (_, index) => word(lettersFor(index)));
    expect(measure(input(words, [30, 10], { sentenceLimit: 25 })).longSentenceShare).toBe(0.5);
    expect(measure(input(words, [30, 10], { sentenceLimit: 15 })).longSentenceShare).toBe(0.5);
    expect(measure(input(words, [30, 10], { sentenceLimit: 9 })).longSentenceShare).toBe(1);
  });

  it('rare-word share: beyond rank 10 000 or unranked; names inside a sentence do not count', () => {
    const frequency = table(['det', 'är', 'en', 'bra', 'dag']);
    const words = ['Det', 'är', 'en', 'bra', 'dag', 'i', 'Västerås', 'Byråkrati', 'är', 'tråkigt'].map(word);
    const metrics = measure(input(words, [7, 3], { frequency }));
    // Rare: "i" (unranked), "Byråkrati" (opens a sentence), "tråkigt"; "Västerås" is a name.
    expect(metrics.rareWordShare).toBe(0.3);
    expect(measure(input(words, [7, 3])).rareWordShare).toBeNull();
  });

  it('mean word length and word-weighted sentence length', () => {
    const words = ['ab', 'abcd', 'abcdef', 'a'].map(word);
    const metrics = measure(input(words, [1, 3]));
    expect(metrics.meanWordLength).toBe(3.25);
    expect(metrics.meanSentenceLength).toBe(2);
    expect(metrics.wordWeightedSentenceLength).toBe(2.5);
  });
});

describe('nominal style', () => {
  it('recognises nominalisation and participle suffixes per language', () => {
    expect(isNominal('sv', 'betalningen')).toBe(true);
    expect(isNominal('sv', 'möjligheter')).toBe(true);
    expect(isNominal('sv', 'sökande')).toBe(true);
    expect(isNominal('sv', 'ande')).toBe(false);
    expect(isNominal('sv', 'hus')).toBe(false);
    expect(isNominal('nb', 'vurderingen')).toBe(true);
    expect(isNominal('nb', 'ingen')).toBe(false);
    expect(isNominal('nn', 'moglegheit')).toBe(true);
    expect(isNominal('fi', 'maksaminen')).toBe(true);
    expect(isNominal('fi', 'hakemuksen')).toBe(true);
    expect(isNominal('fi', 'ihminen')).toBe(false);
    expect(isNominal('en', 'information')).toBe(true);
    expect(isNominal('en', 'payments')).toBe(true);
    expect(isNominal('en', 'nation')).toBe(false);
    expect(isNominal('en', 'cat')).toBe(false);
  });
});

describe('bands', () => {
  it('LIX bands are half-open and named in the text’s language', () => {
    expect(lixBand('sv', 29.99)).toBe('mycket lätt');
    expect(lixBand('sv', 30)).toBe('lätt');
    expect(lixBand('sv', 40)).toBe('medelsvår');
    expect(lixBand('sv', 50)).toBe('svår');
    expect(lixBand('sv', 60)).toBe('mycket svår');
    expect(lixBand('nb', 55)).toBe('vanskelig');
    expect(lixBand('nn', 55)).toBe('vanskeleg');
    expect(lixBand('en', 65)).toBe('very difficult');
    expect(lixBand('sv', null)).toBeNull();
  });

  it('has no LIX band for Finnish', () => {
    expect(lixBand('fi', 20)).toBeNull();
    expect(lixBand('fi', 70)).toBeNull();
  });

  it('difficulty bands per language', () => {
    expect(difficultyBand('sv', 10)).toBe('lätt');
    expect(difficultyBand('sv', 20)).toBe('ganska lätt');
    expect(difficultyBand('sv', 50)).toBe('medelsvår');
    expect(difficultyBand('sv', 79.9)).toBe('svår');
    expect(difficultyBand('sv', 80)).toBe('mycket svår');
    expect(difficultyBand('fi', 90)).toBe('hyvin vaikea');
    expect(difficultyBand('nb', 0)).toBe('lett');
    expect(difficultyBand('nn', 65)).toBe('vanskeleg');
    expect(difficultyBand('en', 45)).toBe('medium');
    expect(difficultyBand('en', null)).toBeNull();
  });
});

/** A frequency table ranking the given forms 1, 2, 3 … */
function table(forms: readonly string[]): FrequencyTable {
  const ranks = new Map(forms.map((form, index) => [form, index + 1]));
  return { rank: (form) => ranks.get(form.toLowerCase()), size: ranks.size };
}

/** 60 distinct words with no nominal suffix, `letters` letters each. */
function plainWords(letters: number): MeasuredWord[] {
  return Array.from({ length: 60 }, (_, index) => wordOfLength(letters, index + 100));
}

describe('difficulty', () => {
  it('is null for too little text', () => {
    const words = ['Det', 'är', 'kort'].map(word);
    const metrics = measure(input(words, [3]));
    expect(metrics.difficulty).toBeNull();
    expect(metrics.difficultyBand).toBeNull();
    expect(metrics.difficultyFactors).toEqual([]);
  });

  it('is a 0–100 score with a band for enough text', () => {
    for (const language of LANGUAGES) {
      const metrics = measure(input(plainWords(6), [10, 10, 10, 10, 10, 10], { language }));
      expect(metrics.difficulty).toBeGreaterThanOrEqual(0);
      expect(metrics.difficulty).toBeLessThanOrEqual(100);
      expect(metrics.difficultyBand).toBe(difficultyBand(language, metrics.difficulty));
    }
  });

  it('longer sentences are not easier', () => {
    for (const language of LANGUAGES) {
      const words = plainWords(6);
      const short = measure(input(words, Array.from({ length: 12 }, () => 5), { language })).difficulty ?? NaN;
      const long = measure(input(words, [20, 20, 20], { language })).difficulty ?? NaN;
      const one = measure(input(words, [60], { language })).difficulty ?? NaN;
      expect(long).toBeGreaterThanOrEqual(short);
      expect(one).toBeGreaterThanOrEqual(long);
    }
  });

  it('longer words are not easier', () => {
    for (const language of LANGUAGES) {
      const lengths = [10, 10, 10, 10, 10, 10];
      const short = measure(input(plainWords(4), lengths, { language })).difficulty ?? NaN;
      const long = measure(input(plainWords(9), lengths, { language })).difficulty ?? NaN;
      expect(long).toBeGreaterThanOrEqual(short);
    }
  });

  it('rarer words are not easier', () => {
    const words = plainWords(6);
    const common = table(words.map((w) => w.form));
    const half = table(words.slice(0, 30).map((w) => w.form));
    for (const language of LANGUAGES) {
      const lengths = [10, 10, 10, 10, 10, 10];
      const easy = measure(input(words, lengths, { language, frequency: common })).difficulty ?? NaN;
      const hard = measure(input(words, lengths, { language, frequency: half })).difficulty ?? NaN;
      expect(hard).toBeGreaterThanOrEqual(easy);
    }
  });

  it('factors explain the score: intercept + Σ contributions is the logit', () => {
    const words = [...plainWords(6), ...['betalningen', 'handläggningen', 'möjligheten'].map(word)];
    const lengths = [25, 20, 18];
    for (const language of LANGUAGES) {
      const metrics = measure(input(words, lengths, { language, frequency: table(['zzz']) }));
      const sum =
        DIFFICULTY_MODEL.languages[language].intercept +
        metrics.difficultyFactors.reduce((total, factor) => total + factor.contribution, 0);
      // Rounded output (difficulty to 0.1, contributions to 0.001), so compared on the 0–100 scale.
      expect(metrics.difficulty).toBeCloseTo(100 / (1 + Math.exp(-sum)), 0);

      const exact = scoreDifficulty(language, difficultyFeatures(input(words, lengths, { language })));
      const exactSum = exact.intercept + exact.factors.reduce((total, factor) => total + factor.contribution, 0);
      expect(exact.logit).toBeCloseTo(exactSum, 12);
      expect(exact.difficulty).toBeCloseTo(100 / (1 + Math.exp(-exactSum)), 10);
    }
  });

  it('lists factors by decreasing |contribution|, each with its measured value', () => {
    const metrics = measure(input(plainWords(8), [30, 20, 10], { frequency: table([]) }));
    const sizes = metrics.difficultyFactors.map((factor) => Math.abs(factor.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const meanWordLength = metrics.difficultyFactors.find((factor) => factor.feature === 'meanWordLength');
    if (meanWordLength) expect(meanWordLength.value).toBe(8);
  });

  it('reads the same features from a measure() input and from its metrics', () => {
    const source = input(plainWords(7), [30, 20, 10], { frequency: table([]) });
    const fromInput = difficultyFeatures(source);
    const fromMetrics = difficultyFeatures(measure(source));
    for (const feature of DIFFICULTY_FEATURES) {
      const a = fromInput[feature];
      const b = fromMetrics[feature];
      if (a === null || b === null) expect(a).toBe(b);
      else expect(b).toBeCloseTo(a, 2);
    }
  });

  it('does not depend on the profile', () => {
    const words = plainWords(7);
    const plain = measure(input(words, [30, 20, 10], { profile: 'plain', sentenceLimit: 25 }));
    const easy = measure(input(words, [30, 20, 10], { profile: 'easy-read', sentenceLimit: 15 }));
    expect(easy.difficulty).toBe(plain.difficulty);
  });
});

describe('the shipped model', () => {
  it('has finite, non-negative weights and usable statistics for every language', () => {
    const used = Object.entries(DIFFICULTY_MODEL.weights);
    expect(used.length).toBeGreaterThan(0);
    for (const [, weight] of used) {
      expect(Number.isFinite(weight)).toBe(true);
      expect(weight).toBeGreaterThanOrEqual(0);
    }
    for (const language of LANGUAGES) {
      const calibration = DIFFICULTY_MODEL.languages[language];
      expect(Number.isFinite(calibration.intercept)).toBe(true);
      for (const [feature] of used) {
        if (feature === 'survo' && language !== 'fi') continue;
        const key = feature as keyof typeof calibration.sd;
        expect(calibration.sd[key], `${language}.${feature}`).toBeGreaterThan(0);
        expect(Number.isFinite(calibration.mean[key])).toBe(true);
      }
    }
  });
});

describe('fitting', () => {
  /** Synthetic texts: standard ones have longer sentences and words, plus noise. */
  function synthetic(language: Language, count: number, seed: number): Sample[] {
    let state = seed;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    return Array.from({ length: 2 * count }, (_, index) => {
      const label = (index % 2) as 0 | 1;
      const features: FeatureVector = {
        words: 200,
        meanSentenceLength: 9 + 5 * label + 3 * random(),
        wordWeightedSentenceLength: 12 + 6 * label + 3 * random(),
        longWordShare: 0.2 + 0.08 * label + 0.05 * random(),
        meanWordLength: 4.8 + 0.5 * label + 0.4 * random(),
        rareWordShare: 0.12 + 0.06 * label + 0.05 * random(),
        mattr: 0.75 + 0.04 * label + 0.04 * random(),
        nominalShare: 0.03 + 0.03 * label + 0.02 * random(),
        survo: language === 'fi' ? 40 + 10 * label + 8 * random() : null,
      };
      return { language, label, features };
    });
  }

  const options: FitOptions = {
    features: DIFFICULTY_FEATURES,
    lambda: 3,
    interceptLambda: 0.01,
    nonNegative: true,
    zLimit: 3,
    minWords: 10,
    sdPool: {},
    priors: {},
  };

  it('learns non-negative weights that separate the classes', () => {
    const samples = [...synthetic('sv', 8, 1), ...synthetic('fi', 8, 2)];
    const model: DifficultyModel = fitDifficultyModel(samples, options);
    for (const weight of Object.values(model.weights)) expect(weight).toBeGreaterThanOrEqual(0);
    const scores = samples.map((sample) => ({
      score: scoreDifficulty(sample.language, sample.features, model).difficulty,
      label: sample.label,
    }));
    expect(auc(scores)).toBeGreaterThan(0.9);
    expect(model.languages.en.basis).toBe('prior');
  });

  it('drops a feature that would need a negative weight', () => {
    const samples = synthetic('sv', 10, 3).map((sample) => ({
      ...sample,
      features: { ...sample.features, meanWordLength: 6 - (sample.features.meanWordLength ?? 0) },
    }));
    const model = fitDifficultyModel(samples, options);
    expect(model.weights.meanWordLength).toBeUndefined();
  });

  it('cross-validates by leaving out pairs', () => {
    const samples = synthetic('nb', 5, 4);
    const result = leavePairOutAuc(samples, options);
    expect(result.auc.nb).toBeGreaterThan(0.8);
    expect(result.meanScore.size).toBe(samples.length);
  });

  it('computes ROC AUC with ties as one half', () => {
    expect(auc([{ score: 1, label: 0 }, { score: 2, label: 1 }])).toBe(1);
    expect(auc([{ score: 2, label: 0 }, { score: 1, label: 1 }])).toBe(0);
    expect(auc([{ score: 1, label: 0 }, { score: 1, label: 1 }])).toBe(0.5);
    expect(auc([{ score: 1, label: 1 }])).toBeNull();
  });
});
