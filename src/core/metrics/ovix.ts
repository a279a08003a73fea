/**
 * OVIX (ordvariationsindex), Hultman & Westman 1977, as defined by Språkbanken:
 * OVIX = log(tokens) / log(2 − log(types) / log(tokens)).
 * https://spraakbanken.gu.se/en/analyses/sbx-swe-readability-sparv-ovix
 * The base of the logarithm cancels out, so the natural logarithm is used.
 */

/**
 * OVIX of word forms, compared case-insensitively as Sparv does.
 * Null where Sparv returns NaN (no tokens) or infinity (every token distinct, which includes a
 * single token), so callers never see a non-finite number.
 */
export function ovix(forms: readonly string[]): number | null {
  return ovixOfLowercase(forms.map((form) => form.toLowerCase()));
}

/** OVIX of forms already lowercased. */
export function ovixOfLowercase(lower: readonly string[]): number | null {
  const tokens = lower.length;
  if (tokens < 2) return null;
  const types = new Set(lower).size;
  if (types >= tokens) return null;
  const value = Math.log(tokens) / Math.log(2 - Math.log(types) / Math.log(tokens));
  return Number.isFinite(value) ? value : null;
}
