import type { Kind, KindCheck } from '../types.js';

/** Code-backed rule kinds for fi. */
export const KINDS_FI: Partial<Record<Kind, KindCheck>> = {};
