/**
 * The report page as a reader's browser gets it: document text escaped, the
 * Content-Security-Policy closed to everything but the extension's own files,
 * and positions carried as numbers only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOfRule, escapeHtml, renderPage, type ReportModel, type Translate } from '../src/report-html.js';
import type { Metrics } from '../src/protocol.js';

const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function metrics(difficulty: number | null, lix: number | null): Metrics {
  return {
    words: 120, sentences: 9, meanSentenceLength: 13.3, longWordShare: 0.25, lix, lixBand: lix === null ? null : 'lätt',
    ovix: 55, difficulty, difficultyBand: difficulty === null ? null : 'medelsvår', difficultyFactors: [],
    longSentenceShare: 0.1, meanWordLength: 5.1, rareWordShare: 0.05,
  };
}

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const HOSTILE = '<script>alert("x")</script>';
const model: ReportModel = {
  fileName: 'beslut <1>.md',
  stats: {
    uri: 'file:///beslut.md',
    version: 1,
    language: 'sv',
    profile: 'plain',
    metrics: metrics(42.4, 38.6),
    sections: [
      { heading: `Beslut ${HOSTILE}`, range: range(0, 0, 30), metrics: metrics(49.8, 41) },
      { heading: null, range: range(5, 0, 10), metrics: metrics(null, null) },
    ],
  },
  findings: [
    { ruleId: 'sv/officialese/erhalla', category: 'officialese', severity: 'warning', message: '”erhållit” är myndighetsspråk.', excerpt: 'erhållit', suggestions: ['få'], range: range(2, 7, 15) },
    { ruleId: 'sv/easy-read/ersattning', category: 'easy-read', severity: 'info', message: 'Förklara ordet.', excerpt: `ersättning${HOSTILE}`, suggestions: ['pengar'], range: range(4, 0, 10) },
  ],
  longestSentences: [{ range: range(2, 0, 80), words: 17, text: `Vi har erhållit din ansökan ${HOSTILE}` }],
};

const options = { cspSource: 'vscode-webview://abc', nonce: 'bm9uY2U=', scriptUri: 'vscode-webview://abc/report.js', styleUri: 'vscode-webview://abc/report.css', uiLanguage: 'sv' };

test('document text never becomes markup', () => {
  const html = renderPage(model, options, t);
  assert.equal(html.includes('<script>alert'), false);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('beslut &lt;1&gt;.md'));
  // The only script is the extension's own file, with the page's nonce.
  assert.deepEqual(html.match(/<script\b[^>]*>/g), [`<script nonce="bm9uY2U=" src="vscode-webview://abc/report.js">`]);
});

test('the Content-Security-Policy allows only the extension’s files and the nonce', () => {
  const html = renderPage(model, options, t);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.equal(
    csp,
    "default-src &#39;none&#39;; style-src vscode-webview://abc; img-src vscode-webview://abc; font-src vscode-webview://abc; script-src &#39;nonce-bm9uY2U=&#39;",
  );
  assert.equal(/\sstyle="/.test(html), false, 'inline styles would need unsafe-inline');
  assert.equal(/\son[a-z]+="/.test(html), false, 'inline handlers would need unsafe-inline');
});

test('sections are drawn as bars with their difficulty, and every entry links to its place', () => {
  const html = renderPage(model, options, t);
  assert.ok(html.includes('Difficulty per section'));
  assert.ok(html.includes('<rect class="fill d2" x="0" y="0" width="49.8"'), 'difficulty 49.8 of 100 fills half the bar');
  assert.ok(html.includes('Before the first heading'));
  assert.ok(html.includes('data-range="2,7,2,15"'));
  assert.ok(html.includes('17 words'));
  const links = html.match(/data-range="[^"]*"/g) ?? [];
  assert.ok(links.every((l) => /^data-range="\d+,\d+,\d+,\d+"$/.test(l)));
});

test('findings are grouped by category, easy-read words listed with their alternatives', () => {
  const html = renderPage(model, options, t);
  assert.match(html, /<span class="category">Officialese<\/span> <span class="count">1<\/span>/);
  assert.match(html, /Words that need easy-read alternatives<\/h2><table>.*ersättning&lt;script&gt;.*<td>pengar<\/td>/s);
});

test('an empty report says what to do', () => {
  assert.match(renderPage(undefined, options, t), /Open a document that klar checks/);
});

test('rule ids name their category; core checks are their own', () => {
  assert.equal(categoryOfRule('sv/officialese/erhalla'), 'officialese');
  assert.equal(categoryOfRule('long-sentence'), 'long-sentence');
  assert.equal(escapeHtml(`a&b<"'>`), 'a&amp;b&lt;&quot;&#39;&gt;');
});
