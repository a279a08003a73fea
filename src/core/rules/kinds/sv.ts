import type { Kind, KindCheck } from '../types.js';
import { svDoubleNegation } from './sv-double-negation.js';
import { svNominalisation } from './sv-nominalisation.js';
import { svPassive } from './sv-passive.js';

/** Code-backed rule kinds for sv; their data lives in rules/sv/*.yaml `options`. */
export const KINDS_SV: Partial<Record<Kind, KindCheck>> = {
  passive: svPassive,
  nominalisation: svNominalisation,
  'double-negation': svDoubleNegation,
};
