/**
 * Fitting and judging the difficulty model. Pure (no I/O): `npm run calibrate` feeds it the
 * features of the calibration texts and writes the result to difficulty-model.ts; `npm run eval`
 * uses it to cross-validate.
 */
import type { Language } from '../types.js';
import { LANGUAGES } from '../types.js';
import {
  DIFFICULTY_FEATURES,
  scoreDifficulty,
  sigmoid,
  standardise,
  type DifficultyFeature,
  type DifficultyModel,
  type FeatureVector,
  type LanguageCalibration,
} from './difficulty.js';

export interface Sample {
  language: Language;
  features: FeatureVector;
  /** 0 = easy-read, 1 = standard. */
  label: 0 | 1;
  /** An identifier for reports (file name). */
  id?: string;
}

export interface FitOptions {
  features: readonly DifficultyFeature[];
  /** L2 penalty on the (standardised) weights. */
  lambda: number;
  /** Small L2 penalty on the intercepts, only to keep them finite on separable data. */
  interceptLambda: number;
  /** Constrain every weight to ≥ 0: each feature is chosen because more of it should mean harder. */
  nonNegative: boolean;
  zLimit: number;
  minWords: number;
  /**
   * Languages whose texts are pooled for a language's standard deviations (its means always come
   * from its own texts). Lets a language with few texts borrow the spread of a sister language.
   */
  sdPool: Partial<Record<Language, readonly Language[]>>;
  /** Statistics for languages without calibration texts. */
  priors: Partial<Record<Language, Pick<LanguageCalibration, 'mean' | 'sd'>>>;
}

/**
 * Fit one weight vector over all languages (per-language standardised features) with one
 * intercept per language, by penalised maximum likelihood (Newton–Raphson).
 */
export function fitDifficultyModel(samples: readonly Sample[], options: FitOptions): DifficultyModel {
  const languages = languageStatistics(samples, options);
  const fitted = LANGUAGES.filter((language) => samples.some((sample) => sample.language === language));
  const base: DifficultyModel = {
    weights: {},
    languages,
    zLimit: options.zLimit,
    minWords: options.minWords,
  };

  let active = [...options.features];
  let solution = solve(samples, base, active, fitted, options);
  // Active-set loop for the sign constraint: drop a feature whose weight came out negative and
  // refit, until every remaining weight is ≥ 0.
  while (options.nonNegative) {
    const negative = active.filter((_, index) => (solution.weights[index] ?? 0) < 0);
    if (negative.length === 0) break;
    const worst = negative.reduce((a, b) =>
      (solution.weights[active.indexOf(a)] ?? 0) <= (solution.weights[active.indexOf(b)] ?? 0) ? a : b,
    );
    active = active.filter((feature) => feature !== worst);
    solution = solve(samples, base, active, fitted, options);
  }

  const weights: Partial<Record<DifficultyFeature, number>> = {};
  active.forEach((feature, index) => {
    weights[feature] = solution.weights[index] ?? 0;
  });
  const intercepts = new Map<Language, number>();
  fitted.forEach((language, index) => intercepts.set(language, solution.intercepts[index] ?? 0));
  // A language without texts gets the mean intercept of the others: with balanced calibration
  // sets the intercepts are close to 0 anyway.
  const meanIntercept = fitted.length > 0 ? [...intercepts.values()].reduce((a, b) => a + b, 0) / fitted.length : 0;
  for (const language of LANGUAGES) {
    languages[language] = { ...languages[language], intercept: intercepts.get(language) ?? meanIntercept };
  }
  return { ...base, weights, languages };
}

/** Per-language means and standard deviations of the features. */
export function languageStatistics(
  samples: readonly Sample[],
  options: Pick<FitOptions, 'sdPool' | 'priors' | 'features'>,
): Record<Language, LanguageCalibration> {
  const means = new Map<Language, Partial<Record<DifficultyFeature, number>>>();
  for (const language of LANGUAGES) {
    const own = samples.filter((sample) => sample.language === language);
    const mean: Partial<Record<DifficultyFeature, number>> = {};
    for (const feature of DIFFICULTY_FEATURES) {
      const values = present(own, feature);
      if (values.length > 0) mean[feature] = values.reduce((a, b) => a + b, 0) / values.length;
    }
    means.set(language, mean);
  }

  const result = {} as Record<Language, LanguageCalibration>;
  for (const language of LANGUAGES) {
    const own = samples.filter((sample) => sample.language === language);
    const prior = options.priors[language];
    if (own.length === 0) {
      result[language] = {
        intercept: 0,
        mean: { ...(prior?.mean ?? {}) },
        sd: { ...(prior?.sd ?? {}) },
        basis: 'prior',
        texts: 0,
      };
      continue;
    }
    const pool = options.sdPool[language] ?? [language];
    const sd: Partial<Record<DifficultyFeature, number>> = {};
    for (const feature of DIFFICULTY_FEATURES) {
      let squares = 0;
      let count = 0;
      let groups = 0;
      for (const member of pool) {
        const centre = means.get(member)?.[feature];
        if (centre === undefined) continue;
        const values = present(
          samples.filter((sample) => sample.language === member),
          feature,
        );
        for (const value of values) squares += (value - centre) ** 2;
        count += values.length;
        groups += values.length > 0 ? 1 : 0;
      }
      // Pooled within-language variance, with one degree of freedom spent per language mean.
      if (count - groups > 0 && squares > 0) sd[feature] = Math.sqrt(squares / (count - groups));
    }
    result[language] = { intercept: 0, mean: { ...(means.get(language) ?? {}) }, sd, basis: 'fitted', texts: own.length };
  }
  return result;
}

/** ROC AUC: the probability that a random standard text scores above a random easy one (ties ½). */
export function auc(scores: readonly { score: number | null; label: 0 | 1 }[]): number | null {
  const positives = scores.filter((item) => item.label === 1 && item.score !== null);
  const negatives = scores.filter((item) => item.label === 0 && item.score !== null);
  if (positives.length === 0 || negatives.length === 0) return null;
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) wins += compare(p.score ?? 0, n.score ?? 0);
  }
  return wins / (positives.length * negatives.length);
}

export interface PairOutResult {
  /** Leave-pair-out AUC per group (by default one group per language). */
  auc: Record<string, number>;
  /** Every held-out text's score (0–100), averaged over the pairs it was held out in. */
  meanScore: Map<Sample, number>;
}

/**
 * Leave-pair-out cross-validated AUC (Airola et al. 2011, "An experimental comparison of
 * cross-validation techniques for estimating the area under the ROC curve", Computational
 * Statistics & Data Analysis 55(4)): for every (easy, standard) pair of a group, fit on all
 * other texts (all languages), score the two held-out texts and count whether the standard one
 * scores higher. Unlike leave-one-out, removing one text of each class keeps the training set
 * balanced, so the held-out label cannot leak into the intercept (the known pessimistic bias of
 * leave-one-out AUC).
 *
 * `groups` names the sets of languages whose texts are paired with each other; a group of two
 * languages (nb + nn) also pairs texts across them, each scored in its own language.
 */
export function leavePairOutAuc(
  samples: readonly Sample[],
  options: FitOptions,
  groups: Readonly<Record<string, readonly Language[]>> = Object.fromEntries(LANGUAGES.map((l) => [l, [l]])),
): PairOutResult {
  const result: PairOutResult = { auc: {}, meanScore: new Map() };
  const sums = new Map<Sample, { total: number; count: number }>();
  const cache = new Map<string, readonly [number, number]>();
  for (const [name, members] of Object.entries(groups)) {
    const own = samples.filter((sample) => members.includes(sample.language));
    const easy = own.filter((sample) => sample.label === 0);
    const standard = own.filter((sample) => sample.label === 1);
    if (easy.length === 0 || standard.length === 0) continue;
    let wins = 0;
    for (const e of easy) {
      for (const s of standard) {
        // The same pair can appear in two groups (nb, and nb + nn); fit it once.
        const key = `${samples.indexOf(e)}:${samples.indexOf(s)}`;
        let scores = cache.get(key);
        if (!scores) {
          const model = fitDifficultyModel(
            samples.filter((sample) => sample !== e && sample !== s),
            options,
          );
          scores = [
            scoreDifficulty(e.language, e.features, model).logit ?? 0,
            scoreDifficulty(s.language, s.features, model).logit ?? 0,
          ] as const;
          cache.set(key, scores);
          for (const [sample, logit] of [
            [e, scores[0]],
            [s, scores[1]],
          ] as const) {
            const entry = sums.get(sample) ?? { total: 0, count: 0 };
            entry.total += 100 * sigmoid(logit);
            entry.count += 1;
            sums.set(sample, entry);
          }
        }
        wins += compare(scores[1], scores[0]);
      }
    }
    result.auc[name] = wins / (easy.length * standard.length);
  }
  for (const [sample, { total, count }] of sums) result.meanScore.set(sample, total / count);
  return result;
}

function compare(higher: number, lower: number): number {
  if (higher > lower) return 1;
  if (higher === lower) return 0.5;
  return 0;
}

function present(samples: readonly Sample[], feature: DifficultyFeature): number[] {
  const values: number[] = [];
  for (const sample of samples) {
    const value = sample.features[feature];
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  return values;
}

interface Solution {
  weights: number[];
  intercepts: number[];
}

function solve(
  samples: readonly Sample[],
  model: DifficultyModel,
  features: readonly DifficultyFeature[],
  languages: readonly Language[],
  options: FitOptions,
): Solution {
  const k = features.length;
  const size = k + languages.length;
  const rows = samples.map((sample) => {
    const z = standardise(sample.language, sample.features, model);
    const row = new Array<number>(size).fill(0);
    features.forEach((feature, index) => {
      row[index] = z[feature] ?? 0;
    });
    row[k + languages.indexOf(sample.language)] = 1;
    return { row, label: sample.label };
  });
  const penalty = Array.from({ length: size }, (_, index) => (index < k ? options.lambda : options.interceptLambda));

  let theta = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const gradient = theta.map((value, index) => (penalty[index] ?? 0) * value);
    const hessian = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => (i === j ? (penalty[i] ?? 0) : 0)),
    );
    for (const { row, label } of rows) {
      const eta = row.reduce((sum, x, index) => sum + x * (theta[index] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-eta));
      const w = p * (1 - p);
      for (let i = 0; i < size; i += 1) {
        const xi = row[i] ?? 0;
        if (xi === 0) continue;
        gradient[i] = (gradient[i] ?? 0) + (p - label) * xi;
        const hi = hessian[i];
        if (!hi) continue;
        for (let j = 0; j < size; j += 1) hi[j] = (hi[j] ?? 0) + w * xi * (row[j] ?? 0);
      }
    }
    const step = gaussianSolve(hessian, gradient);
    theta = theta.map((value, index) => value - (step[index] ?? 0));
    if (step.every((value) => Math.abs(value) < 1e-10)) break;
  }
  return { weights: theta.slice(0, k), intercepts: theta.slice(k) };
}

/** Solve A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function gaussianSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) {
      if (Math.abs(m[row]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = row;
    }
    const pivotRow = m[pivot];
    const current = m[col];
    if (!pivotRow || !current) continue;
    m[col] = pivotRow;
    m[pivot] = current;
    const top = m[col] ?? [];
    const diagonal = top[col] ?? 0;
    if (Math.abs(diagonal) < 1e-12) continue;
    for (let row = col + 1; row < n; row += 1) {
      const target = m[row];
      if (!target) continue;
      const factor = (target[col] ?? 0) / diagonal;
      for (let j = col; j <= n; j += 1) target[j] = (target[j] ?? 0) - factor * (top[j] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const current = m[row] ?? [];
    let sum = current[n] ?? 0;
    for (let j = row + 1; j < n; j += 1) sum -= (current[j] ?? 0) * (x[j] ?? 0);
    const diagonal = current[row] ?? 0;
    x[row] = Math.abs(diagonal) < 1e-12 ? 0 : sum / diagonal;
  }
  return x;
}

/**
 * How klar's shipped model is fitted (`npm run calibrate`) and cross-validated (`npm run eval`);
 * one constant so that the two can never disagree. The reasons are in docs/readability.md.
 */
export const CALIBRATION: Omit<FitOptions, 'priors'> = {
  features: DIFFICULTY_FEATURES,
  lambda: 3,
  interceptLambda: 0.01,
  nonNegative: true,
  zLimit: 3,
  minWords: 10,
  sdPool: { nb: ['nb', 'nn'], nn: ['nb', 'nn'] },
};

/**
 * Languages without calibration texts (English) borrow their statistics: these languages'
 * fitted means and standard deviations, averaged. English is read on the same LIX scale as
 * Swedish and Norwegian (Björnsson; Anderson 1983, "Lix and Rix", Journal of Reading 26(6)),
 * so their spread is the best stand-in available; the score is uncalibrated for English.
 */
export const BORROWED_STATISTICS: Partial<Record<Language, readonly Language[]>> = { en: ['sv', 'nb'] };

/** Fit options with priors for the languages that have no texts, borrowed from those that do. */
export function calibrationOptions(samples: readonly Sample[]): FitOptions {
  const stats = languageStatistics(samples, { ...CALIBRATION, sdPool: CALIBRATION.sdPool, priors: {} });
  const priors: FitOptions['priors'] = {};
  for (const [language, donors] of Object.entries(BORROWED_STATISTICS) as [Language, readonly Language[]][]) {
    if (samples.some((sample) => sample.language === language)) continue;
    const fitted = donors.map((donor) => stats[donor]).filter((donor) => donor.basis === 'fitted');
    if (fitted.length === 0) continue;
    const mean: Partial<Record<DifficultyFeature, number>> = {};
    const sd: Partial<Record<DifficultyFeature, number>> = {};
    for (const feature of DIFFICULTY_FEATURES) {
      const means = fitted.map((donor) => donor.mean[feature]).filter((value): value is number => value !== undefined);
      const sds = fitted.map((donor) => donor.sd[feature]).filter((value): value is number => value !== undefined);
      if (means.length === fitted.length) mean[feature] = means.reduce((a, b) => a + b, 0) / means.length;
      if (sds.length === fitted.length) sd[feature] = sds.reduce((a, b) => a + b, 0) / sds.length;
    }
    priors[language] = { mean, sd };
  }
  return { ...CALIBRATION, priors };
}
