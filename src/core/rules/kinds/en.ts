import type { Kind, KindCheck } from '../types.js';
import { nominalisationEn } from './en-nominalisation.js';
import { passiveEn } from './en-passive.js';

/** Code-backed rule kinds for en. */
export const KINDS_EN: Partial<Record<Kind, KindCheck>> = {
  passive: passiveEn,
  nominalisation: nominalisationEn,
};
