import type { Language } from '../../types.js';
import type { Kind, KindCheck } from '../types.js';
import { KINDS_EN } from './en.js';
import { KINDS_FI } from './fi.js';
import { KINDS_NB } from './nb.js';
import { KINDS_NN } from './nn.js';
import { KINDS_SV } from './sv.js';

/** The code-backed rule kinds of each language. */
export const KINDS: Record<Language, Partial<Record<Kind, KindCheck>>> = {
  sv: KINDS_SV,
  fi: KINDS_FI,
  nb: KINDS_NB,
  nn: KINDS_NN,
  en: KINDS_EN,
};
