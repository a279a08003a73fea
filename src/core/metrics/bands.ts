/**
 * Interpretation bands, stored as data per language. Every interval is half-open, [lower, upper):
 * no source states which side a boundary belongs to, so klar puts a boundary value in the harder
 * band (LIX 40 is "medium", not "easy").
 */
import type { Language } from '../types.js';

export interface Band {
  /** Inclusive lower bound; the first band of a scale has −Infinity. */
  from: number;
  name: string;
}

/** Pick the band containing `value` from a scale sorted by `from`. */
export function bandOf(scale: readonly Band[], value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  let found: string | null = null;
  for (const band of scale) {
    if (value >= band.from) found = band.name;
  }
  return found;
}

/**
 * LIX bands: <30 very easy, 30–40 easy, 40–50 medium, 50–60 difficult, ≥60 very difficult.
 * Swedish: lix.se, as quoted at http://blogper.blogspot.com/2007/03/hur-skriver-du-egentligen.html
 * and https://www.journalisten.se/kronikor/hur-lasbara-ar-dina-texter/ .
 * Norwegian: Tansa, https://www.tansa.com/no/liks/ (the same cut points).
 * English: the same cut points, after Björnsson's own scale (Danish ed. 1971 p. 85, cited at
 * https://reinholt.dk/skriv-bedre/hvorfor-du-ikke-kan-bruge-lixtal-til-noget-og-hvad-du-alligevel-kan-bruge-lix-til/).
 * Finnish has none: no Finnish LIX scale exists, and long words are far more common in an
 * agglutinative language, so the Swedish cut points would call ordinary Finnish "very difficult".
 */
const LIX_CUTS = [-Infinity, 30, 40, 50, 60] as const;

const LIX_NAMES: Readonly<Partial<Record<Language, readonly string[]>>> = {
  sv: ['mycket lätt', 'lätt', 'medelsvår', 'svår', 'mycket svår'],
  nb: ['svært lett', 'lett', 'middels', 'vanskelig', 'svært vanskelig'],
  nn: ['svært lett', 'lett', 'middels', 'vanskeleg', 'svært vanskeleg'],
  en: ['very easy', 'easy', 'medium', 'difficult', 'very difficult'],
};

export function lixBand(language: Language, value: number | null): string | null {
  const names = LIX_NAMES[language];
  if (!names) return null;
  return bandOf(scale(LIX_CUTS, names), value);
}

/**
 * Survo LUE bands, in Finnish as lue.c prints them (`tulostus()`):
 * https://github.com/rsund/SurvoR/blob/master/pkg/src/lue.c
 * lue.c compares an integer score; on the real-valued score "> 100" becomes ≥ 101 here.
 */
const SURVO_SCALE: readonly Band[] = [
  { from: -Infinity, name: 'erittäin helppoa' },
  { from: 35, name: 'muistuttaa lastenlehtiä' },
  { from: 44, name: 'sanomalehtikielen rajoissa' },
  { from: 60, name: 'muistuttaa tiedelehtiä' },
  { from: 68, name: 'hyvin vaikeaa' },
  { from: 101, name: 'erittäin vaikeaa' },
];

export function survoBand(value: number | null): string | null {
  return bandOf(SURVO_SCALE, value);
}

/**
 * Difficulty bands on klar's own 0–100 score (see docs/readability.md). The score is the
 * calibrated probability that a text reads like the standard (not easy-read) official texts of
 * the calibration set, so 50 is the point where the two kinds of text meet; the bands are equal
 * fifths of that probability.
 */
const DIFFICULTY_CUTS = [-Infinity, 20, 40, 60, 80] as const;

const DIFFICULTY_NAMES: Readonly<Record<Language, readonly string[]>> = {
  sv: ['lätt', 'ganska lätt', 'medelsvår', 'svår', 'mycket svår'],
  fi: ['helppo', 'melko helppo', 'keskivaikea', 'vaikea', 'hyvin vaikea'],
  nb: ['lett', 'ganske lett', 'middels vanskelig', 'vanskelig', 'svært vanskelig'],
  nn: ['lett', 'ganske lett', 'middels vanskeleg', 'vanskeleg', 'svært vanskeleg'],
  en: ['easy', 'fairly easy', 'medium', 'hard', 'very hard'],
};

export function difficultyBand(language: Language, value: number | null): string | null {
  return bandOf(scale(DIFFICULTY_CUTS, DIFFICULTY_NAMES[language]), value);
}

function scale(cuts: readonly number[], names: readonly string[]): Band[] {
  return cuts.map((from, index) => ({ from, name: names[index] ?? '' }));
}
