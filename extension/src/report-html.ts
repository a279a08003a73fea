/**
 * The readability report as HTML for a webview. Pure: no `vscode` import, so the
 * escaping and the Content-Security-Policy can be tested in plain Node. Every
 * piece of document text goes through `escapeHtml`; positions travel as numbers
 * in data attributes and the webview script turns a click into a "reveal" message.
 */
import type { DocumentStats, LspRange, Metrics, SectionStats } from './protocol.js';

export interface ReportFinding {
  ruleId: string;
  category: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** The text the finding covers, as written. */
  excerpt: string;
  suggestions: string[];
  range: LspRange;
}

export interface ReportSentence {
  range: LspRange;
  /** Absent when the server does not send sentence lengths (then taken from long-sentence findings). */
  words?: number;
  text: string;
}

export interface ReportModel {
  fileName: string;
  stats: DocumentStats;
  findings: ReportFinding[];
  longestSentences: ReportSentence[];
}

/** Looks up a UI string (English source text, `{0}` placeholders) in the editor's display language. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export interface PageOptions {
  /** The webview's `cspSource`: the only origin styles and scripts may come from. */
  cspSource: string;
  /** Fresh per page: only the script tag carrying it may run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The editor's display language, for the page's `lang` attribute. */
  uiLanguage: string;
}

const EASY_READ_CATEGORY = 'easy-read';
const SEVERITY_ORDER: Record<ReportFinding['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };
const SHOWN_SENTENCES = 5;
const BAR_HEIGHT = 14;

/** The whole page; `renderBody` alone is what the webview swaps in on later updates. */
export function renderPage(model: ReportModel | undefined, options: PageOptions, t: Translate): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `img-src ${options.cspSource}`,
    `font-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.uiLanguage)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(t('Readability report'))}</title>
</head>
<body>
<main id="report">${renderBody(model, t)}</main>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}

export function renderBody(model: ReportModel | undefined, t: Translate): string {
  if (!model) {
    return `<p class="empty">${escapeHtml(t('Open a document that klar checks to see its report.'))}</p>`;
  }
  const { stats } = model;
  return [
    `<header><h1>${escapeHtml(t('Readability report: {0}', model.fileName))}</h1>`,
    `<p class="meta">${escapeHtml(t('Language: {0} · profile: {1}', languageName(stats.language, t), profileName(stats.profile, t)))}</p></header>`,
    renderSummary(stats.metrics, t),
    renderSections(stats.sections, t),
    renderFindings(model.findings.filter((f) => f.category !== EASY_READ_CATEGORY), t),
    renderSentences(model.longestSentences, t),
    renderEasyRead(model.findings.filter((f) => f.category === EASY_READ_CATEGORY), t),
  ].join('\n');
}

function renderSummary(m: Metrics, t: Translate): string {
  const cells: Array<[string, string, string | null]> = [
    [t('Difficulty'), m.difficulty === null ? '–' : `${Math.round(m.difficulty)}/100`, m.difficultyBand],
    ['LIX', formatNumber(m.lix, 0), m.lixBand],
    [t('Words'), String(m.words), null],
    [t('Sentences'), String(m.sentences), null],
    [t('Words per sentence'), formatNumber(m.meanSentenceLength, 1), null],
    ['OVIX', formatNumber(m.ovix, 0), null],
  ];
  const items = cells
    .map(
      ([label, value, band]) =>
        `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>` +
        (band ? `<div class="band">${escapeHtml(band)}</div>` : '') +
        '</div>',
    )
    .join('');
  return `<section class="summary" aria-label="${escapeHtml(t('Summary'))}">${items}</section>`;
}

function renderSections(sections: SectionStats[], t: Translate): string {
  const title = `<h2>${escapeHtml(t('Difficulty per section'))}</h2>`;
  if (sections.length === 0) return `<section class="sections">${title}<p class="empty">${escapeHtml(t('No sections.'))}</p></section>`;
  const rows = sections
    .map((section) => {
      const d = section.metrics.difficulty;
      const heading = section.heading ?? t('Before the first heading');
      // The bar is drawn on a 0–100 scale and stretched by CSS to the column's width.
      const width = d === null ? 0 : Math.round(clamp(d, 0, 100) * 10) / 10;
      const bar =
        `<svg class="bar" viewBox="0 0 100 ${BAR_HEIGHT}" preserveAspectRatio="none" role="img" ` +
        `aria-label="${escapeHtml(d === null ? t('too short to score') : t('difficulty {0} of 100', Math.round(d)))}">` +
        `<rect class="track" x="0" y="0" width="100" height="${BAR_HEIGHT}"></rect>` +
        `<rect class="fill ${difficultyClass(d)}" x="0" y="0" width="${width}" height="${BAR_HEIGHT}"></rect></svg>`;
      const value = d === null ? '–' : `${Math.round(d)}`;
      const band = section.metrics.difficultyBand ?? '';
      const lix = section.metrics.lix === null ? '' : `LIX ${formatNumber(section.metrics.lix, 0)}`;
      return (
        `<tr><th scope="row">${jumpLink(section.range, heading)}</th><td class="chart">${bar}</td>` +
        `<td class="num">${escapeHtml(value)}</td><td class="band">${escapeHtml(band)}</td><td class="num">${escapeHtml(lix)}</td></tr>`
      );
    })
    .join('');
  return (
    `<section class="sections">${title}<table><thead><tr><th>${escapeHtml(t('Section'))}</th>` +
    `<th>${escapeHtml(t('Difficulty'))}</th><th></th><th></th><th>LIX</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function renderFindings(findings: ReportFinding[], t: Translate): string {
  const title = `<h2>${escapeHtml(t('Findings by category'))}</h2>`;
  if (findings.length === 0) return `<section class="findings">${title}<p class="empty">${escapeHtml(t('No findings.'))}</p></section>`;
  const byCategory = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const list = byCategory.get(finding.category) ?? [];
    list.push(finding);
    byCategory.set(finding.category, list);
  }
  // The most serious categories first, then the largest: long words (info) should not push officialese down.
  const rank = (list: ReportFinding[]): number => Math.min(...list.map((f) => SEVERITY_ORDER[f.severity]));
  const groups = [...byCategory.entries()]
    .sort((a, b) => rank(a[1]) - rank(b[1]) || b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([category, list]) => {
      const items = list
        .map(
          (f) =>
            `<li class="${escapeHtml(f.severity)}">${jumpLink(f.range, t('Ln {0}', f.range.start.line + 1))} ` +
            `<span class="excerpt">${escapeHtml(f.excerpt)}</span> — ${escapeHtml(f.message)}` +
            `<span class="rule">${escapeHtml(f.ruleId)}</span></li>`,
        )
        .join('');
      return (
        `<details open><summary><span class="category">${escapeHtml(categoryName(category, t))}</span> ` +
        `<span class="count">${list.length}</span></summary><ul>${items}</ul></details>`
      );
    })
    .join('');
  return `<section class="findings">${title}${groups}</section>`;
}

function renderSentences(sentences: ReportSentence[], t: Translate): string {
  const title = `<h2>${escapeHtml(t('Longest sentences'))}</h2>`;
  if (sentences.length === 0) return `<section class="sentences">${title}<p class="empty">${escapeHtml(t('No long sentences.'))}</p></section>`;
  const items = [...sentences]
    .sort((a, b) => (b.words ?? 0) - (a.words ?? 0))
    .slice(0, SHOWN_SENTENCES)
    .map(
      (s) =>
        `<li>${jumpLink(s.range, s.words === undefined ? t('Ln {0}', s.range.start.line + 1) : t('{0} words', s.words))} ` +
        `<span class="sentence">${escapeHtml(s.text)}</span></li>`,
    )
    .join('');
  return `<section class="sentences">${title}<ol>${items}</ol></section>`;
}

function renderEasyRead(findings: ReportFinding[], t: Translate): string {
  const title = `<h2>${escapeHtml(t('Words that need easy-read alternatives'))}</h2>`;
  if (findings.length === 0) {
    return `<section class="easy-read">${title}<p class="empty">${escapeHtml(t('None found. Choose the easy-read profile to check for them.'))}</p></section>`;
  }
  const rows = findings
    .map(
      (f) =>
        `<tr><th scope="row">${jumpLink(f.range, f.excerpt)}</th>` +
        `<td>${escapeHtml(f.suggestions.length > 0 ? f.suggestions.join(', ') : t('explain the word'))}</td></tr>`,
    )
    .join('');
  return (
    `<section class="easy-read">${title}<table><thead><tr><th>${escapeHtml(t('Word'))}</th>` +
    `<th>${escapeHtml(t('Instead'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

/** A link the webview script turns into "show this range in the editor". */
function jumpLink(range: LspRange, label: string): string {
  const data = [range.start.line, range.start.character, range.end.line, range.end.character].map(toIndex).join(',');
  return `<a href="#" class="jump" data-range="${data}">${escapeHtml(label)}</a>`;
}

/** Positions come from the server; only non-negative integers reach the page. */
function toIndex(n: number): number {
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** Equal fifths of the 0–100 score, as the difficulty bands are defined (docs/readability.md). */
function difficultyClass(d: number | null): string {
  if (d === null) return 'd-none';
  return `d${Math.min(4, Math.max(0, Math.floor(d / 20)))}`;
}

function categoryName(category: string, t: Translate): string {
  switch (category) {
    case 'officialese': return t('Officialese');
    case 'jargon': return t('Jargon');
    case 'easy-read': return t('Easy-read words');
    case 'abbreviation': return t('Abbreviations');
    case 'passive': return t('Passive voice');
    case 'nominalisation': return t('Nominalisations');
    case 'double-negation': return t('Double negation');
    case 'long-compound': return t('Long compounds');
    case 'spelling': return t('Spelling');
    case 'consistency': return t('Consistency');
    case 'long-sentence': return t('Long sentences');
    case 'long-word': return t('Long words');
    default: return category;
  }
}

function languageName(language: string, t: Translate): string {
  switch (language) {
    case 'sv': return t('Swedish');
    case 'fi': return t('Finnish');
    case 'nb': return t('Norwegian bokmål');
    case 'nn': return t('Norwegian nynorsk');
    case 'en': return t('English');
    default: return language;
  }
}

function profileName(profile: string, t: Translate): string {
  return profile === 'easy-read' ? t('easy-read') : t('plain language');
}

function formatNumber(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The rule id's middle part is its category (`sv/officialese/erhalla`); core checks are their own category. */
export function categoryOfRule(ruleId: string): string {
  const parts = ruleId.split('/');
  return parts.length === 3 && parts[1] ? parts[1] : ruleId;
}
