import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import type { Diagnostic, Resources } from '../../src/core/types.js';
import { format } from '../../src/cli/formatters/index.js';
import { escapeHtml } from '../../src/cli/formatters/html.js';
import { countByCategory } from '../../src/cli/formatters/shared.js';
import type { FileReport, FormatOptions } from '../../src/cli/formatters/types.js';
import { loadResources } from '../../src/node/resources.js';

const root = join(import.meta.dirname, '..', '..');
const artifacts = join(root, 'tests', 'artifacts');

/** A letter of our own with three sections, and text that must stay text: markup, a style end tag, a javascript: URL, an entity. */
const LETTER = [
  'Beslut om bostadsbidrag',
  '',
  'Vi har tagit emot din ansökan den 3 mars. Ansökan har granskats av handläggaren på socialförvaltningens arbetsmarknadsutbildningsavdelning, som efter att ha gått igenom dina inkomster och dina kostnader för boendet under hela förra året har kommit fram till att du har rätt till bidrag.',
  '',
  'Texten får innehålla <script>window.__pwned = 1</script> och </style> och javascript:alert(1) och &amp; utan att något händer. Det är bara vanlig text i ett brev.',
  '',
  'Vad händer nu?',
  '',
  'Du får pengarna den 25:e varje månad. Pengarna kommer till det konto som du har gett oss. Ring oss om du har frågor.',
  '',
  'Om du inte håller med',
  '',
  'Du kan överklaga beslutet inom tre veckor. Skriv till oss och berätta vad du vill att vi ska ändra och varför. <img src=x onerror="window.__pwned = 2">',
  '',
].join('\n');

const FI = 'Päätös asumistuesta\n\nOlemme käsitelleet hakemuksesi. Sinulle myönnetään asumistukea ajalle 1.4.–30.9.2025. Tuki maksetaan tilillesi kuukauden ensimmäisenä päivänä.\n';

const OPTIONS: FormatOptions = { color: false, locale: 'sv', toolVersion: '0.1.0', rulesBaseUrl: 'https://example.org/klar/blob/main/docs/rules/' };

function span(text: string, start: number, end: number): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn' | 'offset' | 'endOffset' | 'excerpt'> {
  const at = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1) as string).length + 1 };
  };
  const a = at(start);
  const b = at(end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end, excerpt: text.slice(start, end) };
}

function finding(text: string, from: string, to: string | null, over: Partial<Diagnostic>): Diagnostic {
  const start = text.indexOf(from);
  const end = to === null ? start : text.indexOf(to, start) + to.length;
  if (start < 0 || end < start) throw new Error(`${from} not in text`);
  return {
    ruleId: 'sv/officialese/test',
    category: 'officialese',
    severity: 'warning',
    message: 'Ett meddelande.',
    messageEn: 'A message.',
    suggestions: [],
    ...span(text, start, end),
    ...over,
  };
}

let resources: Resources;
let letter: FileReport;
let reports: FileReport[];

beforeAll(async () => {
  resources = await loadResources(['sv', 'fi'], { lexicons: false });
  letter = { path: 'brev/<img src=x onerror="window.__pwned=5">.txt', format: 'text', source: LETTER, ...analyse(LETTER, { resources }) };
  letter.diagnostics.push(
    // Hostile words in every field a finding shows.
    finding(LETTER, '<script>window.__pwned = 1</script>', '</script>', {
      severity: 'error',
      ruleId: 'sv/jargon/"><b>x',
      category: 'jargon',
      message: 'Ta bort <script>window.__pwned = 3</script> &amp; </style>',
      suggestions: ['</style><script>window.__pwned = 4</script>'],
      explanation: 'javascript:alert(1)',
    }),
    // Starts before the long sentence and ends inside it: the marks must still nest.
    finding(LETTER, 'den 3 mars.', 'granskats', { severity: 'info', ruleId: 'sv/passive/test', category: 'passive' }),
    // A point, not a range: listed and numbered, with nothing to highlight.
    finding(LETTER, 'Ring oss', null, { severity: 'info', ruleId: 'sv/consistency/test', category: 'consistency' }),
  );
  reports = [letter, { path: 'paatos.txt', format: 'text', source: FI, ...analyse(FI, { resources }) }];
});

function writeAtomic(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

describe('the html report as text', () => {
  it('escapes the document, the path and every message, suggestion, explanation and rule id', () => {
    const html = format('html', reports, OPTIONS);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;/style&gt; och javascript:alert(1) och &amp;amp; utan');
    expect(html).toContain('Ta bort &lt;script&gt;window.__pwned = 3&lt;/script&gt; &amp;amp; &lt;/style&gt;');
    expect(html).toContain('sv/jargon/&quot;&gt;&lt;b&gt;x');
    expect(html).toContain('brev/&lt;img src=x onerror=&quot;window.__pwned=5&quot;&gt;.txt');
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
  });

  it('is self-contained: a strict CSP, no script, no external resource, no javascript: link', () => {
    const html = format('html', reports, { ...OPTIONS, rulesBaseUrl: 'javascript:alert(1)//' });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // Inside a tag, not in the escaped letter, which speaks of src= itself.
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|srcset|action|formaction|background)=|<link\b|@import|url\(/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/href="(?!#|https?:)/);
  });

  it('speaks the UI language and works without the document text', () => {
    const { source: _source, ...withoutText } = letter;
    const html = format('html', [withoutText], { ...OPTIONS, locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('The text of this document is not included in the report.');
    expect(html).toContain('Difficulty per section');
    expect(html).not.toContain('<mark');
    expect(html.match(/<li class="note /g)).toHaveLength(letter.diagnostics.length);
  });
});

const browserPath = process.env.KLAR_CHROMIUM ?? '/usr/bin/chromium';
const hasBrowser = existsSync(browserPath);
const requireBrowser = process.env.KLAR_REQUIRE_BROWSER === '1';
if (!hasBrowser && !requireBrowser) {
  console.warn(`html report: browser test skipped: no Chromium at ${browserPath} (set KLAR_CHROMIUM to its path; KLAR_REQUIRE_BROWSER=1 makes this a failure)`);
}

describe.skipIf(!hasBrowser && !requireBrowser)('the html report in Chromium', () => {
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let file: string;

  beforeAll(async () => {
    if (!hasBrowser) throw new Error(`KLAR_REQUIRE_BROWSER=1 but there is no Chromium at ${browserPath}; install chromium or set KLAR_CHROMIUM`);
    file = join(artifacts, 'html-report.html');
    writeAtomic(file, format('html', reports, OPTIONS));
    profile = mkdtempSync(join(tmpdir(), 'klar-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browserPath,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs nothing from the text and loads nothing but itself', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(consoleErrors).toEqual([]);
    // The markup in the letter is shown to the reader as the letter's words.
    expect(await page.locator('#file-0 .doc').innerText()).toContain('Texten får innehålla <script>window.__pwned = 1</script> och </style> och javascript:alert(1) och &amp; utan');
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('highlights every finding with a mark over exactly its words', async () => {
    const findings = [...letter.diagnostics].sort((a, b) => a.offset - b.offset || b.endOffset - a.endOffset);
    const ranged = findings.filter((d) => d.endOffset > d.offset);
    expect(await page.locator('#file-0 mark[id]').count()).toBe(ranged.length);
    for (const [i, d] of findings.entries()) {
      const n = i + 1;
      // A finding split into pieces (it crosses another) reads back whole when its pieces are joined.
      const text = await page.evaluate((k) => [...document.querySelectorAll(`#file-0 mark[data-n="${k}"]`)].map((m) => m.textContent).join(''), n);
      expect(text, d.ruleId).toBe(LETTER.slice(d.offset, d.endOffset));
      expect(await page.locator(`#file-0-n${n} .msg`).innerText()).toBe(d.message);
    }
    // The long sentence starts inside the crossing finding and goes on after it, so it is drawn in two pieces.
    const sentence = findings.findIndex((d) => d.ruleId === 'long-sentence') + 1;
    expect(await page.locator(`#file-0 mark[data-n="${sentence}"]`).count()).toBe(2);
    expect(await page.locator('#file-1 mark').count()).toBe(0);
    expect(await page.locator('#file-1').innerText()).toContain('Inga anmärkningar.');
  });

  it('draws a bar per section and per category', async () => {
    expect(await page.locator('#file-0 svg.difficulty-chart rect.bar').count()).toBe(letter.sections.length);
    const values = await page.locator('#file-0 svg.difficulty-chart rect.bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-value'))));
    expect(values).toEqual(letter.sections.map((s) => s.metrics.difficulty));
    const widths = await page.locator('#file-0 svg.difficulty-chart rect.bar').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
    // The hardest section has the longest bar on the screen.
    expect(widths.indexOf(Math.max(...widths))).toBe(values.indexOf(Math.max(...values)));
    expect(await page.locator('#file-0 svg.category-chart rect.bar').count()).toBe(countByCategory(letter.diagnostics).length);
    expect(await page.locator('#file-0 svg.difficulty-chart title').first().textContent()).toBe('Svårighet per avsnitt');
  });

  it('explains a finding to a keyboard user on focus', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // Past the two links of the file index: the first mark of the letter.
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, tip: el.dataset.tip ?? '', after: getComputedStyle(el, '::after').content };
    });
    expect(focused.tag).toBe('MARK');
    expect(focused.tip).toMatch(/\(sv\/passive\/test\)$/);
    expect(focused.after).toContain('sv/passive/test');
    await page.screenshot({ path: join(artifacts, 'html-report-focus.png') });
  });

  it('saves screenshots and prints to PDF', async () => {
    await page.screenshot({ path: join(artifacts, 'html-report.png'), fullPage: true });
    await page.locator('#file-0 .doc').screenshot({ path: join(artifacts, 'html-report-text.png') });
    await page.emulateMedia({ media: 'print' });
    await page.locator('#file-0').screenshot({ path: join(artifacts, 'html-report-print.png') });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeAtomic(join(artifacts, 'html-report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
