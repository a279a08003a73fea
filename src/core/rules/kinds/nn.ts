import type { Kind, KindCheck } from '../types.js';

/** Code-backed rule kinds for nn. */
export const KINDS_NN: Partial<Record<Kind, KindCheck>> = {};
