/**
 * Measures of one span of text (document, section or paragraph). Pure: the caller segments the
 * text and passes words and sentence lengths; see docs/readability.md for the counting rules.
 */
import type { Metrics } from '../types.js';
import { difficultyBand, lixBand, survoBand } from './bands.js';
import { difficultyFeatures, scoreDifficulty } from './difficulty.js';
import type { MeasureInput } from './input.js';
import { rawMeasures } from './raw.js';

export type { MeasuredWord, MeasureInput } from './input.js';
export { RARE_WORD_RANK, rawMeasures, type RawMeasures } from './raw.js';

export function measure(input: MeasureInput): Metrics {
  const raw = rawMeasures(input);
  const scored = scoreDifficulty(input.language, difficultyFeatures(raw));
  // Bands are read from the rounded values, so a reported LIX of 30.0 is never "very easy".
  const lixValue = round(raw.lix, 2);
  const difficulty = round(scored.difficulty, 1);
  const survoValue = round(raw.survo, 2);

  return {
    words: raw.words,
    sentences: raw.sentences,
    meanSentenceLength: round(raw.meanSentenceLength, 2),
    wordWeightedSentenceLength: round(raw.wordWeightedSentenceLength, 2),
    longWordShare: round(raw.longWordShare, 4),
    lix: lixValue,
    lixBand: lixBand(input.language, lixValue),
    ovix: round(raw.ovix, 2),
    mattr: round(raw.mattr, 4),
    nominalShare: round(raw.nominalShare, 4),
    difficulty,
    difficultyBand: difficultyBand(input.language, difficulty),
    difficultyFactors: scored.factors.map((factor) => ({
      feature: factor.feature,
      value: round(factor.value, 4) ?? 0,
      contribution: round(factor.contribution, 3) ?? 0,
    })),
    longSentenceShare: round(raw.longSentenceShare, 4),
    meanWordLength: round(raw.meanWordLength, 2),
    rareWordShare: round(raw.rareWordShare, 4),
    survo: survoValue,
    survoBand: survoBand(survoValue),
    english: raw.english && {
      fleschReadingEase: round(raw.english.fleschReadingEase, 2),
      fleschKincaidGrade: round(raw.english.fleschKincaidGrade, 2),
      gunningFog: round(raw.english.gunningFog, 2),
      smog: round(raw.english.smog, 2),
      colemanLiau: round(raw.english.colemanLiau, 2),
      automatedReadability: round(raw.english.automatedReadability, 2),
      daleChall: round(raw.english.daleChall, 2),
      spache: round(raw.english.spache, 2),
    },
  };
}

function round(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // Avoid "-0" in JSON output.
  return rounded === 0 ? 0 : rounded;
}
