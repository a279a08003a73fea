import type { Kind, KindCheck } from '../types.js';

/** Code-backed rule kinds for sv. */
export const KINDS_SV: Partial<Record<Kind, KindCheck>> = {};
