import type { Kind, KindCheck } from '../types.js';

/** Code-backed rule kinds for en. */
export const KINDS_EN: Partial<Record<Kind, KindCheck>> = {};
