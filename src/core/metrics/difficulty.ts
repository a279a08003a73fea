/**
 * klar's difficulty score: 0–100, higher is harder, calibrated per language on real easy-read and
 * standard official texts (see docs/readability.md and `npm run calibrate`).
 *
 * score = 100 · sigmoid(b_lang + Σ wᵢ · zᵢ), zᵢ = clamp((xᵢ − μ_lang,i) / σ_lang,i, ±zLimit)
 *
 * Features are standardised per language, so one weight vector serves every language: "a
 * sentence length one standard deviation above what is usual in this language" means the same
 * thing in Swedish and in Finnish, while raw word lengths do not.
 */
import type { DifficultyFactor, Language, Metrics } from '../types.js';
import { DIFFICULTY_MODEL } from './difficulty-model.js';
import type { MeasureInput } from './input.js';
import { rawMeasures } from './raw.js';

/**
 * The candidate features. OVIX and the long-sentence share are reported but not used: OVIX
 * drifts with the length of the span (MATTR replaces it), and the long-sentence share depends on
 * the profile's limit, so the same text would score differently under another profile (the
 * word-weighted sentence length carries the same signal without a limit).
 */
export const DIFFICULTY_FEATURES = [
  'meanSentenceLength',
  'wordWeightedSentenceLength',
  'longWordShare',
  'meanWordLength',
  'rareWordShare',
  'mattr',
  'nominalShare',
  'survo',
] as const;
export type DifficultyFeature = (typeof DIFFICULTY_FEATURES)[number];

/** One value per feature; null where the measure is undefined for the span. */
export type FeatureVector = Record<DifficultyFeature, number | null> & { words: number };

/** What the features are read from: a report's `Metrics` or the full-precision measures. */
export type FeatureSource = Pick<
  Metrics,
  | 'words'
  | 'meanSentenceLength'
  | 'longWordShare'
  | 'ovix'
  | 'meanWordLength'
  | 'rareWordShare'
  | 'longSentenceShare'
  | 'wordWeightedSentenceLength'
  | 'mattr'
  | 'nominalShare'
  | 'survo'
>;

export interface LanguageCalibration {
  /** b_lang: the logit of a text whose every feature is at this language's mean. */
  intercept: number;
  mean: Partial<Record<DifficultyFeature, number>>;
  sd: Partial<Record<DifficultyFeature, number>>;
  /** How the statistics were obtained: from calibration texts, or set by hand without data. */
  basis: 'fitted' | 'prior';
  /** Calibration texts behind `mean` and `sd` (0 for a prior). */
  texts: number;
}

export interface DifficultyModel {
  /** Weights on standardised features; a feature without a weight is not used. */
  weights: Partial<Record<DifficultyFeature, number>>;
  languages: Record<Language, LanguageCalibration>;
  /** |z| is capped here, so one extreme measure of a short span cannot decide the score alone. */
  zLimit: number;
  /** Spans with fewer words get no score: too little text to judge. */
  minWords: number;
}

export interface DifficultyScore {
  /** 0–100 at full precision; null when the span is too short. */
  difficulty: number | null;
  /** b_lang + Σ contributions; null when the span is too short. */
  logit: number | null;
  intercept: number;
  /** Sorted by |contribution|, largest first. */
  factors: DifficultyFactor[];
}

/** Read the difficulty features from a report's metrics or from a `measure()` input. */
export function difficultyFeatures(source: FeatureSource | MeasureInput): FeatureVector {
  const metrics: FeatureSource = 'sentenceLengths' in source ? rawMeasures(source) : source;
  return {
    words: metrics.words,
    meanSentenceLength: metrics.meanSentenceLength,
    wordWeightedSentenceLength: metrics.wordWeightedSentenceLength ?? null,
    longWordShare: metrics.longWordShare,
    meanWordLength: metrics.meanWordLength,
    rareWordShare: metrics.rareWordShare,
    mattr: metrics.mattr ?? null,
    nominalShare: metrics.nominalShare ?? null,
    survo: metrics.survo ?? null,
  };
}

/** Standardised, capped feature values; null where the feature is missing or unused. */
export function standardise(
  language: Language,
  features: FeatureVector,
  model: DifficultyModel = DIFFICULTY_MODEL,
): Partial<Record<DifficultyFeature, number>> {
  const calibration = model.languages[language];
  const z: Partial<Record<DifficultyFeature, number>> = {};
  for (const feature of DIFFICULTY_FEATURES) {
    const value = features[feature];
    const mean = calibration.mean[feature];
    const sd = calibration.sd[feature];
    if (value === null || !Number.isFinite(value) || mean === undefined || sd === undefined || !(sd > 0)) continue;
    z[feature] = Math.max(-model.zLimit, Math.min(model.zLimit, (value - mean) / sd));
  }
  return z;
}

export function scoreDifficulty(
  language: Language,
  features: FeatureVector,
  model: DifficultyModel = DIFFICULTY_MODEL,
): DifficultyScore {
  const intercept = model.languages[language].intercept;
  if (features.words < model.minWords) return { difficulty: null, logit: null, intercept, factors: [] };

  const z = standardise(language, features, model);
  const factors: DifficultyFactor[] = [];
  let logit = intercept;
  for (const feature of DIFFICULTY_FEATURES) {
    const weight = model.weights[feature];
    const zValue = z[feature];
    const value = features[feature];
    // A missing measure (MATTR of a span under 50 words, rare words without a frequency table,
    // Survo outside Finnish) counts as typical for the language: no evidence
    // either way, so it neither raises nor lowers the score.
    if (weight === undefined || weight === 0 || zValue === undefined || value === null) continue;
    const contribution = weight * zValue;
    logit += contribution;
    factors.push({ feature, value, contribution });
  }
  factors.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { difficulty: 100 * sigmoid(logit), logit, intercept, factors };
}

export function sigmoid(x: number): number {
  // Written both ways so neither branch can overflow to Infinity / Infinity.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
