/**
 * Moving-average type–token ratio (MATTR): the mean type–token ratio of every window of
 * `window` consecutive words. Covington & McFall 2010, "Cutting the Gordian knot: the
 * moving-average type–token ratio (MATTR)", Journal of Quantitative Linguistics 17(2), 94–100.
 *
 * klar's difficulty score uses MATTR instead of OVIX because OVIX still depends on the length of
 * the span: on the calibration texts, OVIX of the first 20 words averages about 86, of the first
 * 160 words about 56. Paragraphs would then look harder than the documents the model was fitted
 * on. MATTR with a fixed window has no such drift.
 */

/** Window length; spans shorter than this have no MATTR. */
export const MATTR_WINDOW = 50;

/** MATTR of word forms compared case-insensitively; null for fewer than `window` words. */
export function mattr(forms: readonly string[], window: number = MATTR_WINDOW): number | null {
  if (window < 1 || forms.length < window) return null;
  return mattrOfLowercase(forms.map((form) => form.toLowerCase()), window);
}

/** MATTR of forms already lowercased. */
export function mattrOfLowercase(lower: readonly string[], window: number = MATTR_WINDOW): number | null {
  if (window < 1 || lower.length < window) return null;
  const counts = new Map<string, number>();
  let types = 0;
  let sum = 0;
  let windows = 0;
  for (let index = 0; index < lower.length; index += 1) {
    const entering = lower[index] ?? '';
    const before = counts.get(entering) ?? 0;
    if (before === 0) types += 1;
    counts.set(entering, before + 1);
    if (index >= window) {
      const leaving = lower[index - window] ?? '';
      const left = (counts.get(leaving) ?? 0) - 1;
      if (left === 0) types -= 1;
      counts.set(leaving, left);
    }
    if (index >= window - 1) {
      sum += types / window;
      windows += 1;
    }
  }
  return windows > 0 ? sum / windows : null;
}
