import type { Kind, KindCheck } from '../types.js';

/** Code-backed rule kinds for nb. */
export const KINDS_NB: Partial<Record<Kind, KindCheck>> = {};
