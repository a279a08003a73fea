/** What several formatters need: severities, where a finding is in a Word or PDF file, numbers and bands in the UI language. */
import { difficultyBand, lixBand } from '../../core/metrics/bands.js';
import type { Diagnostic, Language, Metrics, Severity } from '../../core/types.js';
import type { FileReport, FormatOptions } from './types.js';
import type { UiStrings } from './ui-strings.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The more severe of two severities (null: no finding yet). */
export function worse(a: Severity | null, b: Severity): Severity {
  return a !== null && RANK[a] >= RANK[b] ? a : b;
}

/** Whether a finding of this severity fails the run under `--fail-on`. */
export function fails(severity: Severity, failOn: FormatOptions['failOn'] = 'error'): boolean {
  if (failOn === 'never') return false;
  return RANK[severity] >= RANK[failOn];
}

/** The findings a formatter lists: all of them, or under `--quiet` only those that fail the run. */
export function shown(report: FileReport, options: FormatOptions): Diagnostic[] {
  return options.quiet ? report.diagnostics.filter((d) => fails(d.severity, options.failOn)) : report.diagnostics;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Word, OpenDocument and PDF input, where line and column mean nothing to the reader. */
export function isDocument(report: FileReport): boolean {
  return (report.format === 'docx' || report.format === 'odt' || report.format === 'pdf') && (report.locators?.length ?? 0) > 0;
}

export interface Place {
  page?: number;
  paragraph?: number;
}

/**
 * Page and paragraph of a finding: from the diagnostic when the CLI set them, otherwise from the
 * locator whose part of the text holds the finding's start.
 */
export function placeOf(d: Diagnostic, report: FileReport): Place | undefined {
  if (d.paragraphNumber !== undefined) return { paragraph: d.paragraphNumber, ...(d.page !== undefined ? { page: d.page } : {}) };
  const locators = report.locators;
  if (!locators || locators.length === 0) return undefined;
  // Locators are in text order; the last one starting at or before the finding holds it.
  let lo = 0;
  let hi = locators.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((locators[mid] as { start: number }).start <= d.offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const locator = locators[Math.max(found, 0)];
  if (!locator) return undefined;
  return { paragraph: locator.paragraph, ...(locator.page !== undefined ? { page: locator.page } : {}) };
}

/** "page 2, paragraph 5" / "paragraph 5" in the UI language. */
export function placeText(place: Place, ui: UiStrings): string {
  const parts: string[] = [];
  if (place.page !== undefined) parts.push(ui.page(place.page));
  if (place.paragraph !== undefined) parts.push(ui.paragraph(place.paragraph));
  return parts.join(', ');
}

/** One line of the finding's text, cut at a word boundary before `max` characters when there is one. */
export function shortExcerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function forwardSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the UI language writes it (decimal comma in the Nordic languages); `–` for an undefined measure. */
export function num(locale: Language, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * The LIX band named in the UI language, so a Swedish reader of a Norwegian text sees Swedish
 * words; the core's own name (the text's language) when the UI language has no LIX scale (Finnish).
 */
export function lixBandIn(locale: Language, m: Metrics): string | null {
  // No band where the core gives none: Finnish text has no LIX scale, whatever the UI language.
  if (m.lixBand === null) return null;
  return lixBand(locale, m.lix) ?? m.lixBand;
}

export function difficultyBandIn(locale: Language, m: Metrics): string | null {
  return difficultyBand(locale, m.difficulty) ?? m.difficultyBand;
}

/** The measure that moved the difficulty score most, as a phrase ("long sentences"). */
export function mainFactor(m: Metrics, ui: UiStrings): string | undefined {
  const top = [...m.difficultyFactors].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))[0];
  if (!top || top.contribution === 0) return undefined;
  const phrases = ui.factors[top.feature];
  if (!phrases) return undefined;
  return top.contribution > 0 ? phrases.high : phrases.low;
}

export function categoryName(category: string, ui: UiStrings): string {
  return ui.categories[category] ?? category;
}

/** The help page of a rule; undefined when the base is not an http(s) address (never a `javascript:` link). */
export function helpUri(ruleId: string, options: FormatOptions): string | undefined {
  const base = options.rulesBaseUrl;
  if (!/^https?:\/\//i.test(base)) return undefined;
  const path = ruleId.split('/').map(encodeURIComponent).join('/');
  return `${base.endsWith('/') ? base : `${base}/`}${path}.md`;
}

/** Findings per category, most frequent first (ties by name, so the output is stable). */
export function countByCategory(diagnostics: readonly Diagnostic[]): Array<{ category: string; counts: Record<Severity, number>; total: number }> {
  const byCategory = new Map<string, Record<Severity, number>>();
  for (const d of diagnostics) {
    let counts = byCategory.get(d.category);
    if (!counts) {
      counts = { error: 0, warning: 0, info: 0 };
      byCategory.set(d.category, counts);
    }
    counts[d.severity] += 1;
  }
  return [...byCategory]
    .map(([category, counts]) => ({ category, counts, total: counts.error + counts.warning + counts.info }))
    .sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}

/** "12 problems (1 error, 8 warnings, 3 info) in 3 files". */
export function totalLine(diagnostics: readonly Diagnostic[], files: number, ui: UiStrings): string {
  if (diagnostics.length === 0) return ui.noProblems(files);
  const counts = countBySeverity(diagnostics);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => ui.count(s, counts[s]));
  return `${ui.problems(diagnostics.length)} (${parts.join(', ')}) ${ui.inFiles(files)}`;
}
