/**
 * `markdown`: a summary for a pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY).
 * Tables are capped ("…and N more") and the whole text stays well under GitHub's 65,536-character
 * limit for a comment, however many files and findings there are.
 */
import type { Diagnostic, Severity } from '../../core/types.js';
import {
  categoryName,
  countByCategory,
  countBySeverity,
  difficultyBandIn,
  fails,
  forwardSlashes,
  helpUri,
  isDocument,
  lixBandIn,
  num,
  placeOf,
  placeText,
  SEVERITIES,
  shown,
  totalLine,
} from './shared.js';
import type { FileReport, FormatOptions } from './types.js';
import { uiStrings } from './ui-strings.js';

const MAX_FILES = 50;
const MAX_FINDINGS = 100;
/** Room left for the rest of the comment a workflow may add around klar's text. */
const MAX_CHARS = 60_000;

/** Text safe in a table cell: Markdown and HTML syntax escaped, one line. */
export function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function withBand(value: string, band: string | null, defined: boolean): string {
  return defined && band ? `${value} (${cell(band)})` : value;
}

function rule(id: string, options: FormatOptions): string {
  const url = helpUri(id, options);
  return url ? `[${cell(id)}](<${url}>)` : cell(id);
}

function where(d: Diagnostic, report: FileReport, ui: ReturnType<typeof uiStrings>): string {
  const path = forwardSlashes(report.path);
  if (isDocument(report)) {
    const place = placeOf(d, report);
    if (place) return cell(`${path}, ${placeText(place, ui)}`);
  }
  return cell(`${path}:${d.line}:${d.column}`);
}

export function formatMarkdown(reports: FileReport[], options: FormatOptions): string {
  const ui = uiStrings(options.locale);
  const locale = options.locale;
  const perFile = reports.map((report) => ({ report, diagnostics: shown(report, options) }));
  const all = perFile.flatMap((f) => f.diagnostics);
  const failing = all.some((d) => fails(d.severity, options.failOn));
  const status = failing ? '❌' : all.length ? '⚠️' : '✅';
  const severityHeads = SEVERITIES.map((s) => capitalise(ui.severity[s]));

  const out: string[] = [`### ${status} klar: ${cell(totalLine(all, reports.length, ui))}`, ''];

  out.push(row([ui.file, capitalise(ui.language), ui.wordsLabel, 'LIX', capitalise(ui.difficulty), ...severityHeads]));
  out.push(row(['---', '---', '---:', '---', '---', ...SEVERITIES.map(() => '---:')]));
  for (const { report, diagnostics } of perFile.slice(0, MAX_FILES)) {
    const m = report.metrics;
    const counts = countBySeverity(diagnostics);
    out.push(
      row([
        cell(forwardSlashes(report.path)),
        cell(ui.languageNames[report.language]),
        num(locale, m.words),
        withBand(num(locale, m.lix), lixBandIn(locale, m), m.lix !== null),
        withBand(num(locale, m.difficulty), difficultyBandIn(locale, m), m.difficulty !== null),
        ...SEVERITIES.map((s) => String(counts[s])),
      ]),
    );
  }
  if (reports.length > MAX_FILES) out.push('', cell(ui.andMore(reports.length - MAX_FILES)));

  const categories = countByCategory(all);
  if (categories.length) {
    out.push('', `#### ${ui.findingsPerCategory}`, '');
    out.push(row([ui.category, ...severityHeads, ui.total]));
    out.push(row(['---', ...SEVERITIES.map(() => '---:'), '---:']));
    for (const c of categories) {
      out.push(row([cell(categoryName(c.category, ui)), ...SEVERITIES.map((s: Severity) => String(c.counts[s])), String(c.total)]));
    }
  }

  if (all.length) {
    out.push('', `<details><summary>${ui.findings} (${all.length})</summary>`, '');
    out.push(row([ui.where, ui.severityLabel, ui.message, ui.rule]));
    out.push(row(['---', '---', '---', '---']));
    let listed = 0;
    let length = out.reduce((n, line) => n + line.length + 1, 0);
    outer: for (const { report, diagnostics } of perFile) {
      for (const d of diagnostics) {
        const suggestions = d.suggestions.length ? ` → ${d.suggestions.join(', ')}` : '';
        const line = row([where(d, report, ui), ui.severity[d.severity], cell(`${d.message}${suggestions}`), rule(d.ruleId, options)]);
        if (listed >= MAX_FINDINGS || length + line.length > MAX_CHARS) break outer;
        out.push(line);
        length += line.length + 1;
        listed += 1;
      }
    }
    if (listed < all.length) out.push('', cell(ui.andMore(all.length - listed)));
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
