// Placeholder until `npm run calibrate` writes the fitted model.
import type { DifficultyModel } from './difficulty.js';

const neutral = { intercept: 0, mean: {}, sd: {}, basis: 'prior', texts: 0 } as const;

export const DIFFICULTY_MODEL: DifficultyModel = {
  weights: {},
  languages: { sv: neutral, fi: neutral, nb: neutral, nn: neutral, en: neutral },
  zLimit: 3,
  minWords: 10,
};
