/**
 * `stylish`: for a person at a terminal. Findings grouped by file, aligned in columns, then a
 * readable summary per file and one total line. Colour is plain ANSI, off when `color` is false.
 */
import type { Diagnostic, Severity } from '../../core/types.js';
import {
  countBySeverity,
  difficultyBandIn,
  fails,
  isDocument,
  lixBandIn,
  mainFactor,
  num,
  placeOf,
  placeText,
  shortExcerpt,
  shown,
  totalLine,
} from './shared.js';
import type { FileReport, FormatOptions } from './types.js';
import { uiStrings, type UiStrings } from './ui-strings.js';

type Style = 'bold' | 'underline' | 'dim' | 'red' | 'yellow' | 'cyan' | 'green';

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  underline: [4, 24],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
};

type Paint = (text: string, ...styles: Style[]) => string;

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) => styles.reduce((s, style) => `\u001b[${CODES[style][0]}m${s}\u001b[${CODES[style][1]}m`, text);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Where the finding is: line:col for text files, page and paragraph for Word, OpenDocument and PDF files. */
function position(d: Diagnostic, report: FileReport, ui: UiStrings): string {
  if (isDocument(report)) {
    const place = placeOf(d, report);
    if (place) return placeText(place, ui);
  }
  return `${d.line}:${d.column}`;
}

function findingLines(report: FileReport, diagnostics: Diagnostic[], ui: UiStrings, paint: Paint): string[] {
  const rows = diagnostics.map((d) => ({ d, where: position(d, report, ui), severity: ui.severity[d.severity] }));
  // Pad before colouring: escape codes have no width on screen.
  const whereWidth = Math.max(...rows.map((r) => r.where.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  const document = isDocument(report);
  const out: string[] = [];
  for (const { d, where, severity } of rows) {
    const suggestions = d.suggestions.length ? `  ${paint(`→ ${d.suggestions.join(', ')}`, 'green')}` : '';
    out.push(
      `  ${paint(where.padEnd(whereWidth), 'dim')}  ${paint(severity.padEnd(severityWidth), SEVERITY_STYLE[d.severity])}  ${d.message}${suggestions}  ${paint(d.ruleId, 'dim')}`,
    );
    // A Word user finds the place with the search box, so quote the words.
    if (document && d.excerpt.trim()) out.push(`  ${' '.repeat(whereWidth)}  ${paint(`“${shortExcerpt(d.excerpt)}”`, 'dim')}`);
  }
  return out;
}

function summaryLine(report: FileReport, locale: FormatOptions['locale'], ui: UiStrings): string {
  const m = report.metrics;
  const parts = [
    `${ui.languageNames[report.language]} (${ui.languageSource[report.languageSource]})`,
    ui.words(m.words),
    ui.sentences(m.sentences),
  ];
  const lixBand = lixBandIn(locale, m);
  parts.push(`LIX ${num(locale, m.lix)}${m.lix !== null && lixBand ? ` (${lixBand})` : ''}`);
  if (m.survo !== undefined && m.survo !== null) parts.push(`Survo ${num(locale, m.survo)}${m.survoBand ? ` (${m.survoBand})` : ''}`);
  const band = difficultyBandIn(locale, m);
  const factor = mainFactor(m, ui);
  parts.push(
    `${ui.difficulty} ${num(locale, m.difficulty)}${m.difficulty !== null && band ? ` (${band})` : ''}${m.difficulty !== null && factor ? `, ${ui.mostlyBecause}: ${factor}` : ''}`,
  );
  return `  ${parts.join(' · ')}`;
}

export function formatStylish(reports: FileReport[], options: FormatOptions): string {
  const ui = uiStrings(options.locale);
  const paint = painter(options.color);
  const out: string[] = [];
  const all: Diagnostic[] = [];
  for (const report of reports) {
    const diagnostics = shown(report, options);
    all.push(...diagnostics);
    if (options.quiet && diagnostics.length === 0) continue;
    out.push(paint(report.path, 'bold', 'underline'));
    if (diagnostics.length) out.push(...findingLines(report, diagnostics, ui, paint));
    if (!options.quiet) {
      if (diagnostics.length) out.push('');
      out.push(paint(summaryLine(report, options.locale, ui), 'dim'));
    }
    out.push('');
  }
  if (options.quiet && all.length === 0) return '';
  const counts = countBySeverity(all);
  const failing = all.some((d) => fails(d.severity, options.failOn));
  const mark = failing ? '✖' : all.length ? '⚠' : '✔';
  const style: Style = failing ? 'red' : counts.warning || counts.error ? 'yellow' : all.length ? 'cyan' : 'green';
  out.push(paint(`${mark} ${totalLine(all, reports.length, ui)}`, 'bold', style));
  return `${out.join('\n')}\n`;
}
