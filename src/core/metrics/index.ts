/** klar's readability measures and difficulty score; see docs/readability.md. */
export { measure, rawMeasures, RARE_WORD_RANK, type MeasureInput, type MeasuredWord, type RawMeasures } from './measure.js';
export { difficultyBand, lixBand, survoBand } from './bands.js';
export {
  DIFFICULTY_FEATURES,
  difficultyFeatures,
  scoreDifficulty,
  type DifficultyFeature,
  type DifficultyModel,
  type DifficultyScore,
  type FeatureVector,
} from './difficulty.js';
export { DIFFICULTY_MODEL } from './difficulty-model.js';
