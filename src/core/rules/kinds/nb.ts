import type { Kind, KindCheck } from '../types.js';
import { consistencyKind } from './no-consistency.js';
import { nominalisationKind } from './no-nominalisation.js';
import { passiveKind } from './no-passive.js';

/**
 * Code-backed rule kinds for nb. The logic is shared with nynorsk; what is bokmål about them
 * (endings, deponents, support verbs, nynorsk forms) lives in the options of rules/nb/*.yaml.
 */
export const KINDS_NB: Partial<Record<Kind, KindCheck>> = {
  passive: passiveKind,
  nominalisation: nominalisationKind,
  consistency: consistencyKind,
};
