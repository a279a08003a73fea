import type { Kind, KindCheck } from '../types.js';
import { consistencyKind } from './no-consistency.js';
import { nominalisationKind } from './no-nominalisation.js';
import { passiveKind } from './no-passive.js';

/**
 * Code-backed rule kinds for nn. The logic is shared with bokmål; what is nynorsk about them
 * (the -ast passive and its modals, superlatives, support verbs, bokmål forms) lives in the
 * options of rules/nn/*.yaml.
 */
export const KINDS_NN: Partial<Record<Kind, KindCheck>> = {
  passive: passiveKind,
  nominalisation: nominalisationKind,
  consistency: consistencyKind,
};
