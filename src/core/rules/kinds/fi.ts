import type { Kind, KindCheck } from '../types.js';
import { doubleNegationFi } from './fi-negation.js';
import { nominalisationFi } from './fi-nominalisation.js';
import { passiveFi } from './fi-passive.js';

/** Code-backed rule kinds for fi; their data lives in rules/fi/*.yaml (`options`). */
export const KINDS_FI: Partial<Record<Kind, KindCheck>> = {
  passive: passiveFi,
  nominalisation: nominalisationFi,
  'double-negation': doubleNegationFi,
};
