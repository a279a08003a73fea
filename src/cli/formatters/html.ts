/**
 * `html`: one self-contained page for the writer. Per file the summary, a chart of difficulty per
 * section, a chart of findings per category, and the text with every finding marked and explained
 * next to its paragraph. Inline CSS and SVG only: no script, no request, readable offline and
 * printable. A strict Content-Security-Policy keeps anything in the text from running even if an
 * escaping mistake ever slipped through.
 */
import type { Diagnostic, Metrics, Severity } from '../../core/types.js';
import {
  categoryName,
  countByCategory,
  countBySeverity,
  difficultyBandIn,
  helpUri,
  isDocument,
  lixBandIn,
  mainFactor,
  num,
  placeOf,
  placeText,
  SEVERITIES,
  totalLine,
} from './shared.js';
import type { FileReport, FormatOptions } from './types.js';
import { uiStrings, type UiStrings } from './ui-strings.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const esc = escapeHtml;

interface Context {
  ui: UiStrings;
  options: FormatOptions;
  /** Prefix of every id in this file's section, so several files never share an id. */
  prefix: string;
}

// ---------------------------------------------------------------------------
// Charts

/**
 * Colours of the difficulty bands. The cut points are those of the core's difficulty bands
 * (src/core/metrics/bands.ts); only the colour depends on them here.
 */
function difficultyColour(value: number): string {
  if (value >= 80) return '#b3261e';
  if (value >= 60) return '#d9640b';
  if (value >= 40) return '#c79100';
  if (value >= 20) return '#6a9b2f';
  return '#2e7d32';
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

const CHART_WIDTH = 640;
const LABEL_WIDTH = 250;
const BAR_AREA = CHART_WIDTH - LABEL_WIDTH - 50;
/** Characters of a label that fit in LABEL_WIDTH at the chart's font size. */
const LABEL_CHARS = 30;
const ROW = 26;

function chartFrame(id: string, title: string, description: string, rows: number, body: string[], className: string, axis: boolean): string {
  const height = rows * ROW + (axis ? 28 : 6);
  return [
    `<svg class="chart ${className}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMinYMin meet">`,
    `<title id="${id}-t">${esc(title)}</title>`,
    `<desc id="${id}-d">${esc(description)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function difficultyChart(report: FileReport, ctx: Context): string {
  const { ui, options } = ctx;
  const sections = report.sections;
  const label = (heading: string | null): string => heading ?? (sections.length === 1 ? ui.documentText : ui.beforeFirstHeading);
  const body: string[] = [];
  const axisY = sections.length * ROW + 4;
  // Band boundaries as faint guides, so a bar can be read against the named bands.
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    const x = LABEL_WIDTH + (BAR_AREA * tick) / 100;
    body.push(`<line class="grid" x1="${x}" y1="0" x2="${x}" y2="${axisY}" />`);
    body.push(`<text class="tick" x="${x}" y="${axisY + 16}" text-anchor="middle">${tick}</text>`);
  }
  sections.forEach((s, i) => {
    const y = i * ROW;
    const d = s.metrics.difficulty;
    const width = d === null ? 0 : (BAR_AREA * d) / 100;
    const name = label(s.heading);
    const band = difficultyBandIn(options.locale, s.metrics);
    const value = d === null ? '–' : `${num(options.locale, d)}${band ? ` (${band})` : ''}`;
    body.push(
      `<g class="row"><title>${esc(`${name}: ${value}`)}</title>`,
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${esc(truncate(name, LABEL_CHARS))}</text>`,
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 4}" width="${width.toFixed(1)}" height="${ROW - 8}" rx="2" fill="${d === null ? '#9e9e9e' : difficultyColour(d)}" data-value="${d === null ? '' : d}" />`,
      `<text class="value" x="${LABEL_WIDTH + width + 6}" y="${y + 17}">${esc(d === null ? '–' : num(options.locale, d))}</text>`,
      '</g>',
    );
  });
  const description = sections.map((s) => `${label(s.heading)}: ${s.metrics.difficulty === null ? '–' : num(options.locale, s.metrics.difficulty)}`).join('; ');
  return chartFrame(`${ctx.prefix}-dc`, ui.difficultyPerSection, description, sections.length, body, 'difficulty-chart', true);
}

const SEVERITY_COLOUR: Record<Severity, string> = { error: '#b3261e', warning: '#b07a00', info: '#0b57d0' };

function categoryChart(diagnostics: readonly Diagnostic[], ctx: Context): string {
  const { ui } = ctx;
  const categories = countByCategory(diagnostics);
  const max = Math.max(1, ...categories.map((c) => c.total));
  const body: string[] = [];
  categories.forEach((c, i) => {
    const y = i * ROW;
    const name = categoryName(c.category, ui);
    const width = (BAR_AREA * c.total) / max;
    // The bar takes the colour of the most severe finding in the category.
    const worst = SEVERITIES.find((s) => c.counts[s] > 0) ?? 'info';
    const detail = SEVERITIES.filter((s) => c.counts[s] > 0).map((s) => ui.count(s, c.counts[s])).join(', ');
    body.push(
      `<g class="row"><title>${esc(`${name}: ${detail}`)}</title>`,
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${esc(truncate(name, LABEL_CHARS))}</text>`,
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 4}" width="${width.toFixed(1)}" height="${ROW - 8}" rx="2" fill="${SEVERITY_COLOUR[worst]}" data-value="${c.total}" />`,
      `<text class="value" x="${LABEL_WIDTH + width + 6}" y="${y + 17}">${c.total}</text>`,
      '</g>',
    );
  });
  const description = categories.map((c) => `${categoryName(c.category, ui)}: ${c.total}`).join('; ');
  return chartFrame(`${ctx.prefix}-cc`, ui.findingsPerCategory, description, categories.length, body, 'category-chart', false);
}

// ---------------------------------------------------------------------------
// Summary

function gauge(value: number | null): string {
  if (value === null) return '';
  const x = Math.max(0, Math.min(100, value));
  return [
    '<svg class="gauge" viewBox="0 0 100 8" width="100%" height="8" aria-hidden="true" preserveAspectRatio="none">',
    '<rect x="0" y="2" width="20" height="4" fill="#2e7d32" /><rect x="20" y="2" width="20" height="4" fill="#6a9b2f" />',
    '<rect x="40" y="2" width="20" height="4" fill="#c79100" /><rect x="60" y="2" width="20" height="4" fill="#d9640b" />',
    '<rect x="80" y="2" width="20" height="4" fill="#b3261e" />',
    `<rect x="${Math.max(0, x - 1).toFixed(1)}" y="0" width="2" height="8" fill="#1b1b1b" />`,
    '</svg>',
  ].join('');
}

function factorList(m: Metrics, ui: UiStrings): string {
  const items = m.difficultyFactors
    .filter((f) => f.contribution !== 0 && ui.factors[f.feature])
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, 3)
    .map((f) => {
      const up = f.contribution > 0;
      const phrase = ui.factors[f.feature] as { high: string; low: string };
      return `<li class="${up ? 'up' : 'down'}"><span aria-hidden="true">${up ? '▲' : '▼'}</span> ${esc(up ? phrase.high : phrase.low)}</li>`;
    });
  return items.length ? `<ul class="factors">${items.join('')}</ul>` : '';
}

function metric(label: string, value: string, extra = ''): string {
  return `<div class="metric"><dt>${esc(label)}</dt><dd><span class="value">${value}</span>${extra}</dd></div>`;
}

function summary(report: FileReport, diagnostics: readonly Diagnostic[], ctx: Context): string {
  const { ui, options } = ctx;
  const locale = options.locale;
  const m = report.metrics;
  const lixBand = lixBandIn(locale, m);
  const band = difficultyBandIn(locale, m);
  const factor = mainFactor(m, ui);
  const counts = countBySeverity(diagnostics);
  const capital = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);
  const parts = [
    metric(
      capital(ui.difficulty),
      `${esc(num(locale, m.difficulty))}${m.difficulty !== null && band ? ` <span class="band">${esc(band)}</span>` : ''}`,
      `${gauge(m.difficulty)}${m.difficulty !== null && factor ? `<p class="because">${esc(ui.mostlyBecause)}:</p>${factorList(m, ui)}` : ''}`,
    ),
    metric('LIX', `${esc(num(locale, m.lix))}${m.lix !== null && lixBand ? ` <span class="band">${esc(lixBand)}</span>` : ''}`),
  ];
  if (m.survo !== undefined && m.survo !== null) {
    parts.push(metric('Survo', `${esc(num(locale, m.survo))}${m.survoBand ? ` <span class="band">${esc(m.survoBand)}</span>` : ''}`));
  }
  parts.push(
    metric(ui.wordsLabel, esc(num(locale, m.words))),
    metric(ui.sentencesLabel, esc(num(locale, m.sentences))),
    metric(ui.meanSentenceLength, esc(num(locale, m.meanSentenceLength, 1))),
    metric(ui.longWordShare, m.longWordShare === null ? '–' : `${esc(num(locale, m.longWordShare * 100))} %`),
    metric(
      capital(ui.language),
      esc(ui.languageNames[report.language]),
      `<p class="sub">${esc(ui.languageSource[report.languageSource])} · ${esc(ui.profiles[report.profile])}</p>`,
    ),
    metric(
      ui.findings,
      esc(String(diagnostics.length)),
      `<p class="sub">${SEVERITIES.map((s) => `<span class="sev-text sev-${s}">${esc(ui.count(s, counts[s]))}</span>`).join(' · ')}</p>`,
    ),
  );
  return `<dl class="metrics">${parts.join('\n')}</dl>`;
}

// ---------------------------------------------------------------------------
// The text with its findings

interface Finding {
  /** 1-based number shown in the text and the notes. */
  n: number;
  d: Diagnostic;
  start: number;
  end: number;
}

/** The part of a finding inside one paragraph; `last` when the finding ends in it. */
interface Piece {
  f: Finding;
  start: number;
  end: number;
  last: boolean;
}

function tip(f: Finding): string {
  const d = f.d;
  const suggestions = d.suggestions.length ? ` → ${d.suggestions.join(', ')}` : '';
  return `${d.message}${suggestions} (${d.ruleId})`;
}

/**
 * Renders text[start, end) with nested <mark>s. Findings may overlap without nesting (a rule's match
 * that starts before a long sentence and ends inside it): at every boundary the marks still
 * open are compared with the ones that should be, and only the difference is closed and reopened,
 * so the HTML always nests and each finding's first piece carries its id.
 */
function markedText(text: string, start: number, end: number, pieces: Piece[], opened: Set<number>, ctx: Context): string {
  const bounds = new Set<number>([start, end]);
  for (const p of pieces) {
    bounds.add(p.start);
    bounds.add(p.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const out: string[] = [];
  let stack: Piece[] = [];
  const order = (a: Piece, b: Piece): number => a.f.start - b.f.start || b.f.end - a.f.end || a.f.n - b.f.n;
  for (let i = 0; i < points.length; i++) {
    const at = points[i] as number;
    const want = pieces.filter((p) => p.start <= at && p.end > at).sort(order);
    let keep = 0;
    while (keep < stack.length && keep < want.length && stack[keep] === want[keep]) keep++;
    for (let j = stack.length - 1; j >= keep; j--) out.push('</mark>');
    // A finding's number follows its last word, where the reader has seen all of it. The number is
    // drawn by CSS from data-n, so copying the text or reading it aloud does not pick up digits;
    // screen readers hear the note through the mark's aria-describedby instead of this link.
    for (const p of pieces.filter((q) => q.last && q.end === at).sort((a, b) => a.f.n - b.f.n)) {
      out.push(
        `<a class="ref sev-${p.f.d.severity}" href="#${ctx.prefix}-n${p.f.n}" id="${ctx.prefix}-r${p.f.n}" data-n="${p.f.n}" tabindex="-1" aria-hidden="true"></a>`,
      );
    }
    for (const p of want.slice(keep)) {
      const first = !opened.has(p.f.n);
      opened.add(p.f.n);
      const attrs = first
        ? ` id="${ctx.prefix}-m${p.f.n}" tabindex="0" aria-describedby="${ctx.prefix}-n${p.f.n}" data-tip="${esc(tip(p.f))}"`
        : '';
      out.push(`<mark class="sev-${p.f.d.severity}" data-n="${p.f.n}" title="${esc(tip(p.f))}"${attrs}>`);
    }
    stack = want;
    const next = points[i + 1];
    if (next !== undefined) out.push(esc(text.slice(at, next)));
  }
  return out.join('');
}

function note(f: Finding, report: FileReport, ctx: Context, marked: ReadonlySet<number>): string {
  const { ui, options, prefix } = ctx;
  const d = f.d;
  const lines = [`<li class="note sev-${d.severity}" id="${prefix}-n${f.n}" value="${f.n}">`];
  const place = isDocument(report) ? placeOf(d, report) : undefined;
  const where = place ? placeText(place, ui) : `${d.line}:${d.column}`;
  lines.push(
    `<p class="head"><span class="num">${f.n}</span> <span class="sev sev-${d.severity}">${esc(ui.severity[d.severity])}</span> <span class="where">${esc(where)}</span></p>`,
  );
  lines.push(`<p class="msg" lang="${report.language}">${esc(d.message)}</p>`);
  if (d.suggestions.length) {
    lines.push(`<p class="sugg"><span class="lbl">${esc(ui.suggestions)}:</span> <span lang="${report.language}">${d.suggestions.map((s) => `<b>${esc(s)}</b>`).join(', ')}</span></p>`);
  }
  if (d.explanation) lines.push(`<p class="expl"><span class="lbl">${esc(ui.explanation)}:</span> <span lang="${report.language}">${esc(d.explanation)}</span></p>`);
  const help = helpUri(d.ruleId, options);
  const ruleText = help ? `<a href="${esc(help)}" rel="noopener noreferrer">${esc(d.ruleId)}</a>` : esc(d.ruleId);
  // Only a finding drawn in the text has a place to go back to.
  const back = marked.has(f.n) ? `<span class="back"> · <a href="#${prefix}-m${f.n}">↩ ${esc(ui.backToText)}</a></span>` : '';
  lines.push(`<p class="meta">${esc(ui.rule)}: <code>${ruleText}</code> · ${esc(categoryName(d.category, ui))}${back}</p>`);
  lines.push('</li>');
  return lines.join('');
}

function notes(findings: Finding[], report: FileReport, ctx: Context, marked: ReadonlySet<number> = new Set()): string {
  if (!findings.length) return '';
  return `<ol class="notes">${findings.map((f) => note(f, report, ctx, marked)).join('\n')}</ol>`;
}

function documentText(report: FileReport, findings: Finding[], ctx: Context): string {
  const text = report.source;
  if (text === undefined) return `<p class="notext">${esc(ctx.ui.noText)}</p>\n${notes(findings, report, ctx)}`;
  const paragraphs = report.paragraphs.length
    ? [...report.paragraphs].sort((a, b) => a.offset - b.offset)
    : [{ offset: 0, endOffset: text.length, kind: 'paragraph' as const, language: report.language }];
  const opened = new Set<number>();
  const placed = new Set<number>();
  const rows: string[] = [];
  // One sweep over paragraphs and findings, both in text order: a long document with many
  // findings costs no more than reading it once.
  let next = 0;
  let active: Finding[] = [];
  for (const p of paragraphs) {
    const start = Math.max(0, Math.min(p.offset, text.length));
    const end = Math.max(start, Math.min(p.endOffset, text.length));
    for (let f = findings[next]; f && (f.start < end || (f.start === end && f.end === end)); f = findings[++next]) active.push(f);
    active = active.filter((f) => f.end > start || (f.start === f.end && f.start >= start));
    const pieces: Piece[] = [];
    const here: Finding[] = [];
    for (const f of active) {
      pieces.push({ f, start: Math.max(f.start, start), end: Math.min(f.end, end), last: f.end <= end });
      if (!placed.has(f.n) && f.start >= start) {
        here.push(f);
        placed.add(f.n);
      }
    }
    // A point is drawn once, in the first paragraph that holds it.
    active = active.filter((f) => f.start !== f.end);
    const tag = p.kind === 'heading' ? 'h4' : 'p';
    rows.push(
      `<div class="row"><${tag} class="para ${p.kind}" lang="${p.language}">${markedText(text, start, end, pieces, opened, ctx)}</${tag}>${notes(here, report, ctx, opened)}</div>`,
    );
  }
  // Findings outside every paragraph (none are expected) are still listed, never lost.
  const rest = findings.filter((f) => !placed.has(f.n));
  if (rest.length) rows.push(`<div class="row"><p class="para"></p>${notes(rest, report, ctx)}</div>`);
  return `<div class="doc">\n${rows.join('\n')}\n</div>`;
}

// ---------------------------------------------------------------------------
// The page

function fileSection(report: FileReport, ctx: Context): string {
  const { ui } = ctx;
  const length = report.source?.length ?? Number.POSITIVE_INFINITY;
  const findings: Finding[] = [...report.diagnostics]
    .sort((a, b) => a.offset - b.offset || b.endOffset - a.endOffset)
    .map((d, i) => ({ n: i + 1, d, start: Math.max(0, Math.min(d.offset, length)), end: Math.max(0, Math.min(Math.max(d.endOffset, d.offset), length)) }));
  const categoryFigure = findings.length
    ? categoryChart(report.diagnostics, ctx)
    : `<p class="none">${esc(ui.noFindings)}</p>`;
  return [
    `<section class="file" id="${ctx.prefix}" aria-labelledby="${ctx.prefix}-h">`,
    `<h2 id="${ctx.prefix}-h">${esc(report.path)}</h2>`,
    `<h3 class="visually-hidden">${esc(ui.summary)}</h3>`,
    summary(report, report.diagnostics, ctx),
    '<div class="charts">',
    `<figure><figcaption>${esc(ui.difficultyPerSection)} <span class="scale">(${esc(ui.difficultyScale)})</span></figcaption>${report.sections.length ? difficultyChart(report, ctx) : '<p class="none">–</p>'}</figure>`,
    `<figure><figcaption>${esc(ui.findingsPerCategory)}</figcaption>${categoryFigure}</figure>`,
    '</div>',
    `<h3>${esc(ui.documentText)} <span class="count">· ${esc(ui.findings)}: ${findings.length}</span></h3>`,
    documentText(report, findings, ctx),
    '</section>',
  ].join('\n');
}

function fileIndex(reports: FileReport[], ctx: Context): string {
  const { ui, options } = ctx;
  const locale = options.locale;
  const rows = reports.map((r, i) => {
    const m = r.metrics;
    const band = difficultyBandIn(locale, m);
    return `<tr><td><a href="#file-${i}">${esc(r.path)}</a></td><td>${esc(ui.languageNames[r.language])}</td><td class="n">${esc(num(locale, m.words))}</td><td class="n">${esc(num(locale, m.lix))}</td><td>${esc(num(locale, m.difficulty))}${m.difficulty !== null && band ? ` (${esc(band)})` : ''}</td><td class="n">${r.diagnostics.length}</td></tr>`;
  });
  const capital = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);
  return [
    '<nav aria-label="files"><table class="index">',
    `<thead><tr><th>${esc(ui.file)}</th><th>${esc(capital(ui.language))}</th><th class="n">${esc(ui.wordsLabel)}</th><th class="n">LIX</th><th>${esc(capital(ui.difficulty))}</th><th class="n">${esc(ui.findings)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></nav>`,
  ].join('\n');
}

const STYLE = `
:root { --ink: #1b1b1b; --muted: #5f6368; --line: #dadce0; --paper: #fff; --soft: #f6f7f9;
  --error: #b3261e; --warning: #8a5d00; --info: #0b57d0;
  --mark-error: #fde3e1; --mark-warning: #fff0b3; --mark-info: #dde9ff; }
* { box-sizing: border-box; }
html { color: var(--ink); background: var(--paper); }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .75rem; }
h3 .count { font-weight: normal; color: var(--muted); }
.total { margin: 0 0 1rem; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.index { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .5rem 0 1rem; }
table.index th, table.index td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); }
table.index .n { text-align: right; }
dl.metrics { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: .75rem; margin: 0 0 1rem; }
.metric { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .75rem; }
.metric:first-child { grid-column: span 2; }
.metric dt { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.metric dd { margin: .1rem 0 0; }
.metric .value { font-size: 1.35rem; font-weight: 600; }
.metric .band { font-size: .95rem; font-weight: normal; color: var(--muted); }
.metric p { margin: .2rem 0 0; font-size: .85rem; }
.metric .gauge { display: block; margin-top: .35rem; }
.factors { list-style: none; margin: .3rem 0 0; padding: 0; font-size: .85rem; }
.factors .up span { color: var(--error); } .factors .down span { color: #2e7d32; }
.sev-text.sev-error { color: var(--error); } .sev-text.sev-warning { color: var(--warning); } .sev-text.sev-info { color: var(--info); }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
figcaption { font-weight: 600; margin-bottom: .4rem; }
figcaption .scale { font-weight: normal; color: var(--muted); font-size: .85rem; }
svg.chart { display: block; max-width: 100%; height: auto; font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg.chart .label { fill: var(--ink); } svg.chart .value { fill: var(--ink); font-weight: 600; }
svg.chart .tick { fill: var(--muted); font-size: 11px; } svg.chart .grid { stroke: var(--line); stroke-width: 1; }
.none { color: var(--muted); }
.doc { margin-top: .5rem; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; padding: .35rem 0; border-top: 1px solid #eef0f2; }
.para { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.02rem; }
h4.para { font-size: 1.12rem; }
.para.list-item { padding-left: 1.2rem; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; position: relative; cursor: help; }
mark.sev-error { background: var(--mark-error); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--mark-warning); border-bottom: 2px solid #c79100; }
mark.sev-info { background: var(--mark-info); border-bottom: 2px solid var(--info); }
mark mark { border-bottom-width: 3px; border-bottom-style: double; filter: saturate(1.8) brightness(.96); }
mark:focus { outline: 2px solid var(--info); outline-offset: 1px; }
mark[data-tip]:focus::after { content: attr(data-tip); position: absolute; left: 0; top: 100%; margin-top: .4rem; z-index: 5;
  width: max-content; max-width: min(26rem, 80vw); padding: .45rem .6rem; border-radius: 4px; background: var(--ink); color: #fff;
  font-size: .85rem; font-weight: normal; line-height: 1.4; white-space: normal; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
a.ref::before { content: attr(data-n); }
a.ref { font-size: .7rem; vertical-align: super; line-height: 0; margin-left: 1px; padding: 0 3px; border-radius: 8px; color: #fff; text-decoration: none; font-weight: 700; }
a.ref.sev-error { background: var(--error); } a.ref.sev-warning { background: #8a5d00; } a.ref.sev-info { background: var(--info); }
.notes { list-style: none; margin: 0; padding: 0; font-size: .88rem; }
.note { border-left: 4px solid #c79100; background: var(--soft); padding: .4rem .6rem; margin: 0 0 .45rem; border-radius: 0 4px 4px 0; }
.note.sev-error { border-left-color: var(--error); } .note.sev-info { border-left-color: var(--info); }
.note:target { outline: 2px solid var(--info); }
.note p { margin: .1rem 0; }
.note .num { display: inline-block; min-width: 1.4em; text-align: center; font-weight: 700; }
.note .sev { font-weight: 600; } .note .sev-error { color: var(--error); } .note .sev-warning { color: var(--warning); } .note .sev-info { color: var(--info); }
.note .where, .note .meta, .note .lbl { color: var(--muted); }
.note code { font-size: .85em; }
a { color: var(--info); }
a:focus-visible { outline: 2px solid var(--info); outline-offset: 2px; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2.5rem; padding-bottom: 2rem; border-top: 1px solid var(--line); padding-top: .75rem; }
@media (max-width: 860px) { .charts, .row { grid-template-columns: 1fr; } .metric:first-child { grid-column: auto; } }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .back { display: none; }
  .file + .file { break-before: page; }
  .charts { grid-template-columns: 1fr; }
  svg.chart { max-width: 16cm; }
  mark:focus { outline: none; }
  figure, .metric, .note, .row { break-inside: avoid; }
  .row { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  mark[data-tip]:focus::after { display: none; }
  mark, a.ref, .note, .metric, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

export function formatHtml(reports: FileReport[], options: FormatOptions): string {
  const ui = uiStrings(options.locale);
  const all = reports.flatMap((r) => r.diagnostics);
  const title = reports.length === 1 ? `${ui.reportTitle}: ${(reports[0] as FileReport).path}` : ui.reportTitle;
  const sections = reports.map((r, i) => fileSection(r, { ui, options, prefix: `file-${i}` }));
  return [
    '<!doctype html>',
    `<html lang="${options.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="klar ${esc(options.toolVersion)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(ui.reportTitle)}</h1>`,
    `<p class="total">${esc(totalLine(all, reports.length, ui))}</p>`,
    reports.length > 1 ? fileIndex(reports, { ui, options, prefix: 'index' }) : '',
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    `<footer><p>${esc(ui.madeBy(options.toolVersion))}</p></footer>`,
    '</body>',
    '</html>',
  ].join('\n') + '\n';
}
