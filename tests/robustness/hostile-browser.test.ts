/**
 * Hostile document text in the two pages klar renders for people, loaded in real
 * Chromium (issue 7, "Hostile input"):
 *
 * - the HTML report of `klar check --format html`, end to end from a Markdown and an
 *   HTML *source document* full of scripts, handlers, javascript: links, entities and
 *   external resources (tests/cli/html-report.test.ts covers hostile findings fed to
 *   the formatter directly);
 * - the VS Code extension's report webview, with its own script, under its
 *   Content-Security-Policy.
 *
 * Passing means: nothing from the text runs, nothing is fetched, no link navigates.
 * Skipped with a message when there is no Chromium, unless KLAR_REQUIRE_BROWSER=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBody, renderPage, type ReportModel, type Translate } from '../../extension/src/report-html.js';
import type { Metrics } from '../../extension/src/protocol.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'klar.js');

const browserPath = process.env.KLAR_CHROMIUM ?? '/usr/bin/chromium';
const hasBrowser = existsSync(browserPath);
const requireBrowser = process.env.KLAR_REQUIRE_BROWSER === '1';
if (!hasBrowser && !requireBrowser) {
  console.warn(`hostile input: browser tests skipped: no Chromium at ${browserPath} (set KLAR_CHROMIUM to its path; KLAR_REQUIRE_BROWSER=1 makes this a failure)`);
}

/** An address nothing listens on: a request to it is a failure whether or not it would succeed. */
const ELSEWHERE = 'http://127.0.0.1:9';

const HOSTILE_MD = `# Beslut <script>window.__pwned = 1</script>

Vi har erhållit din ansökan. Klicka [här](javascript:window.__pwned=2) eller <a href="javascript:window.__pwned=3">här</a>.

<img src="${ELSEWHERE}/x.png" onerror="window.__pwned = 4"> &lt;script&gt;window.__pwned = 5&lt;/script&gt; &amp;amp; &#60;b&#62;

![bild](${ELSEWHERE}/y.png) <style>body{background:url(${ELSEWHERE}/z.png)}</style> </style> <iframe src="javascript:window.top.__pwned=6"></iframe>

Du kan överklaga beslutet inom tre veckor. <svg onload="window.__pwned = 13"></svg> [länk](${ELSEWHERE}/page) <javascript:window.__pwned=14>
`;

const HOSTILE_HTML = `<!DOCTYPE html><html lang="sv"><head><meta http-equiv="refresh" content="0;url=${ELSEWHERE}/"><base href="${ELSEWHERE}/"><title>Beslut</title>
<script>window.__pwned = 7</script><style>body{background:url(${ELSEWHERE}/s.png)}</style></head>
<body><h1>Beslut om bidrag</h1>
<p>Vi har erhållit din ansökan och den har granskats. &lt;script&gt;window.__pwned = 8&lt;/script&gt; &amp;lt;/style&amp;gt; <a href="javascript:window.__pwned=9">Läs mer</a> <img src=x onerror="window.__pwned=10"></p>
<p onclick="window.__pwned=11">Du kan överklaga beslutet inom tre veckor. <svg onload="window.__pwned=12"></svg> <object data="${ELSEWHERE}/o"></object></p>
</body></html>
`;

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Watched {
  context: BrowserContext;
  page: Page;
  requests: string[];
  /** Requests that ended with a response, not refused by the page's policy or the test's routing. */
  finished: string[];
  failures: string[];
  /** Pages or popups the document opened besides the first. */
  popups: number;
  profile: string;
}

async function launch(): Promise<Watched> {
  if (!hasBrowser) throw new Error(`KLAR_REQUIRE_BROWSER=1 but there is no Chromium at ${browserPath}; install chromium or set KLAR_CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'klar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: browserPath, args: LAUNCH_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  const watched: Watched = { context, page, requests: [], finished: [], failures: [], popups: 0, profile };
  context.on('request', (r) => watched.requests.push(r.url()));
  context.on('requestfinished', (r) => watched.finished.push(r.url()));
  context.on('requestfailed', (r) => watched.failures.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  context.on('page', () => watched.popups++);
  return watched;
}

async function close(w: Watched | undefined): Promise<void> {
  await w?.context.close();
  if (w) rmSync(w.profile, { recursive: true, force: true });
}

const pwned = (page: Page): Promise<unknown> => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe.skipIf(!hasBrowser && !requireBrowser)('hostile source documents in the html report (klar check --format html)', () => {
  let folder: string;
  let report: string;
  let w: Watched | undefined;
  let cli: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'klar-hostile-'));
    writeFileSync(join(folder, 'beslut.md'), HOSTILE_MD);
    writeFileSync(join(folder, 'beslut.html'), HOSTILE_HTML);
    report = join(folder, 'report.html');
    cli = spawnSync(process.execPath, [bin, 'check', 'beslut.md', 'beslut.html', '--lang', 'sv', '--format', 'html', '-o', report], { cwd: folder, encoding: 'utf8' });
    w = await launch();
    await w.page.goto(pathToFileURL(report).href);
  });

  afterAll(async () => {
    await close(w);
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks both documents and writes the report', () => {
    expect(cli.stderr).toBe('');
    expect([0, 1]).toContain(cli.status);
    expect(existsSync(report)).toBe(true);
  });

  it('runs nothing from the documents and loads nothing but the report', async () => {
    const page = (w as Watched).page;
    expect(await pwned(page)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('img, iframe, object, embed, svg [onload], base, meta[http-equiv="refresh"]').count()).toBe(0);
    expect((w as Watched).requests).toEqual([pathToFileURL(report).href]);
    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<script|<iframe|<img|<object|\son[a-z]+=/i);
  });

  it('shows the markup in the text as text', async () => {
    const text = await (w as Watched).page.locator('body').innerText();
    expect(text).toContain('window.__pwned = 1');
    expect(text).toContain('window.__pwned = 8');
  });

  it('has no link that leaves the report, and clicking every link navigates nowhere', async () => {
    const page = (w as Watched).page;
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    // Rule help links may point at the rule documentation (https); nothing else leaves the page.
    expect(hrefs.filter((h) => !h.startsWith('#') && !h.startsWith('https://'))).toEqual([]);
    const before = page.url().replace(/#.*$/, '');
    const inPage = page.locator('a[href^="#"]');
    for (let i = 0; i < (await inPage.count()); i++) await inPage.nth(i).click();
    expect(page.url().replace(/#.*$/, '')).toBe(before);
    expect(await pwned(page)).toBeUndefined();
    expect((w as Watched).popups).toBe(0);
  });
});

// ---------------------------------------------------------------- the extension's webview

const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function metrics(difficulty: number | null): Metrics {
  return {
    words: 120, sentences: 9, meanSentenceLength: 13.3, longWordShare: 0.25, lix: 38, lixBand: 'lätt',
    ovix: 55, difficulty, difficultyBand: difficulty === null ? null : 'medelsvår', difficultyFactors: [],
    longSentenceShare: 0.1, meanWordLength: 5.1, rareWordShare: 0.05,
  };
}

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

/** Every field that carries document or rule text, each with its own way in. */
function hostileModel(n: number): ReportModel {
  const script = `<script>window.__pwned = ${n}</script>`;
  return {
    fileName: `beslut <img src=x onerror="window.__pwned=${n + 1}">.md`,
    stats: {
      uri: 'file:///beslut.md',
      version: 1,
      language: 'sv',
      profile: 'plain',
      metrics: metrics(42),
      sections: [
        { heading: `Beslut ${script} </style> &amp; &lt;b&gt;`, range: range(0, 0, 30), metrics: metrics(50) },
        { heading: null, range: range(5, 0, 10), metrics: metrics(null) },
      ],
    },
    findings: [
      {
        ruleId: `sv/jargon/"><svg onload="window.__pwned=${n + 2}">`,
        category: `jargon"><b>`,
        severity: 'warning',
        message: `Ta bort ${script} och <a href="javascript:window.__pwned=${n + 3}">länken</a>`,
        excerpt: `javascript:window.__pwned=${n + 4}`,
        suggestions: [`</style><iframe src="javascript:window.top.__pwned=${n + 5}"></iframe>`],
        range: range(2, 7, 15),
      },
      { ruleId: 'sv/easy-read/ersattning', category: 'easy-read', severity: 'info', message: 'Förklara ordet.', excerpt: `ersättning${script}`, suggestions: [`<img src="${ELSEWHERE}/p.png">`], range: range(4, 0, 10) },
    ],
    longestSentences: [{ range: range(2, 0, 80), words: 17, text: `Vi har erhållit din ansökan ${script} <a href="${ELSEWHERE}/">här</a>` }],
  };
}

/** The webview's own script, compiled as the extension's build compiles it (a browser script, no imports). */
function webviewScript(): string {
  const source = readFileSync(join(root, 'extension', 'src', 'webview', 'report.ts'), 'utf8');
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } }).outputText;
}

describe.skipIf(!hasBrowser && !requireBrowser)('hostile text in the extension’s report webview', () => {
  // The webview's own origin stands in for VS Code's vscode-webview:// resource origin.
  const origin = 'https://webview.klar.test';
  const options = { cspSource: origin, nonce: 'c29ha25vbmNl', scriptUri: `${origin}/report.js`, styleUri: `${origin}/report.css`, uiLanguage: 'sv' };
  let w: Watched | undefined;
  const served: string[] = [];

  beforeAll(async () => {
    w = await launch();
    const files: Record<string, { type: string; body: string }> = {
      '/index.html': { type: 'text/html', body: renderPage(hostileModel(100), options, t) },
      '/report.js': { type: 'text/javascript', body: webviewScript() },
      '/report.css': { type: 'text/css', body: readFileSync(join(root, 'extension', 'media', 'report.css'), 'utf8') },
    };
    // Only the webview's files exist; any other request is refused (and recorded by launch()).
    await w.context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === origin ? files[url.pathname] : undefined;
      if (file) {
        served.push(url.pathname);
        await route.fulfill({ status: 200, contentType: file.type, body: file.body });
      } else await route.abort();
    });
    // What VS Code gives the page: the messaging API, recorded.
    await w.context.addInitScript(() => {
      const posted: unknown[] = [];
      (window as unknown as { __posted: unknown[] }).__posted = posted;
      (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => posted.push(m),
        getState: () => undefined,
        setState: () => undefined,
      });
      document.addEventListener('securitypolicyviolation', (e) => {
        ((window as unknown as { __violations?: string[] }).__violations ??= []).push(e.violatedDirective);
      });
    });
    await w.page.goto(`${origin}/index.html`);
  });

  afterAll(async () => {
    await close(w);
  });

  it('loads the extension’s script and style and nothing else, and runs nothing from the text', async () => {
    const page = (w as Watched).page;
    expect(served.sort()).toEqual(['/index.html', '/report.css', '/report.js']);
    expect((w as Watched).requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(await pwned(page)).toBeUndefined();
    expect(await page.evaluate(() => [...document.scripts].map((s) => s.src))).toEqual([`${origin}/report.js`]);
    expect(await page.locator('img, iframe, svg [onload]').count()).toBe(0);
    expect(await page.locator('#report').innerText()).toContain('<script>window.__pwned = 100</script>');
  });

  it('has its Content-Security-Policy in force: an injected inline script and an external image are blocked', async () => {
    const page = (w as Watched).page;
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(`default-src 'none'; style-src ${origin}; img-src ${origin}; font-src ${origin}; script-src 'nonce-${options.nonce}'`);
    // Defence in depth: even markup that escaped escaping would be inert.
    await page.evaluate((elsewhere) => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = `${elsewhere}/leak.png`;
      img.setAttribute('onerror', 'window.__pwned = "handler"');
      document.body.append(img);
    }, ELSEWHERE);
    await page.waitForFunction(() => ((window as unknown as { __violations?: string[] }).__violations ?? []).length >= 2);
    expect(await pwned(page)).toBeUndefined();
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual(expect.arrayContaining(['script-src-elem', 'img-src']));
    expect((w as Watched).finished.filter((u) => !u.startsWith(origin))).toEqual([]);
    // Refused by the page's own policy, before the test's routing would have refused it.
    expect((w as Watched).failures.filter((f) => f.startsWith(ELSEWHERE))).toEqual([`${ELSEWHERE}/leak.png csp`]);
  });

  it('keeps every link inert: a click only asks the extension to reveal a range', async () => {
    const page = (w as Watched).page;
    const links = page.locator('a');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(Array(count).fill('#'));
    const url = page.url();
    for (let i = 0; i < count; i++) await links.nth(i).click();
    expect(page.url().replace(/#$/, '')).toBe(url.replace(/#$/, ''));
    const posted = await page.evaluate(() => (window as unknown as { __posted: { type: string; range: number[] }[] }).__posted);
    expect(posted).toHaveLength(count);
    for (const message of posted) {
      expect(message.type).toBe('reveal');
      expect(message.range.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
    expect((w as Watched).popups).toBe(0);
    expect(await pwned(page)).toBeUndefined();
  });

  it('swaps in a new hostile body on a render message without running it', async () => {
    const page = (w as Watched).page;
    await page.evaluate((html) => window.postMessage({ type: 'render', html }, '*'), renderBody(hostileModel(200), t));
    await page.waitForFunction(() => document.getElementById('report')?.innerText.includes('window.__pwned = 200'));
    expect(await pwned(page)).toBeUndefined();
    expect(await page.locator('#report img, #report iframe, #report script').count()).toBe(0);
  });
});
